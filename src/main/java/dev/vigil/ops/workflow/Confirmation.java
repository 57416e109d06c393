package dev.vigil.ops.workflow;

import java.util.Optional;

/**
 * The operator's answer to a {@link Proposal}, given to the engine explicitly: confirmed or declined, whether the
 * warnings were acknowledged, what was typed when the cluster name is required, and who answered.
 */
public record Confirmation(boolean confirmed, boolean warningsAcknowledged, String typedName, String operator) {

    public static Confirmation decline() {
        return new Confirmation(false, false, "", currentUser());
    }

    public static Confirmation confirm() {
        return new Confirmation(true, false, "", currentUser());
    }

    public Confirmation acknowledgingWarnings() {
        return new Confirmation(confirmed, true, typedName, operator);
    }

    public Confirmation typing(String name) {
        return new Confirmation(confirmed, warningsAcknowledged, name, operator);
    }

    /** Why this answer does not allow {@code proposal} to run; empty when it does. */
    public Optional<String> refusal(Proposal proposal) {
        if (!confirmed) {
            return Optional.of("the operator declined");
        }
        if (proposal.blocked()) {
            return Optional.of("a precheck failed (" + proposal.failures().get(0).name() + "); nothing may run");
        }
        if (proposal.hasWarnings() && !warningsAcknowledged) {
            return Optional.of("the prechecks gave warnings that were not acknowledged");
        }
        if (proposal.typedConfirmationRequired() && !proposal.confirmationWord().equals(typedName)) {
            return Optional.of("the cluster name was not typed as '" + proposal.confirmationWord() + "'");
        }
        return Optional.empty();
    }

    private static String currentUser() {
        return System.getProperty("user.name", "unknown");
    }
}
