package dev.vigil.ops.workflow;

import dev.vigil.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A workflow of fake steps, for the engine's own rules; no server involved. */
public class FakeWorkflow implements Workflow {
    private final String cluster;
    private final String title;
    private final List<Step> steps = new ArrayList<>();
    private final List<Supplier<CheckResult>> prechecks = new ArrayList<>();
    private Supplier<CheckResult> verification = null;
    private boolean typed;
    private String consequence = "fake things happen";
    /** What ran, in order: "step 1", "verify 1", ... */
    public final List<String> ran = new CopyOnWriteArrayList<>();
    private Optional<Plan.Uninterruptible> uninterruptible = Optional.empty();

    public FakeWorkflow(String cluster, String title) {
        this.cluster = cluster;
        this.title = title;
    }

    public FakeWorkflow step(String name, Step.Action action) {
        return step(name, Duration.ofSeconds(5), action);
    }

    public FakeWorkflow step(String name, Duration timeout, Step.Action action) {
        return step(name, "fake", Command.described("fake step " + (steps.size() + 1)), timeout, action);
    }

    public FakeWorkflow step(String name, String detail, Command command, Duration timeout, Step.Action action) {
        int number = steps.size() + 1;
        steps.add(new Step(name, detail, "n1", command, timeout, ctx -> {
            ran.add("step " + number);
            return action.run(ctx);
        }));
        return this;
    }

    public FakeWorkflow doneSteps(int count) {
        for (int i = 0; i < count; i++) {
            step("step " + (steps.size() + 1), ctx -> StepResult.done("ok"));
        }
        return this;
    }

    public FakeWorkflow precheck(Supplier<CheckResult> check) {
        prechecks.add(check);
        return this;
    }

    public FakeWorkflow verification(Supplier<CheckResult> check) {
        verification = check;
        return this;
    }

    public FakeWorkflow consequence(String text) {
        consequence = text;
        return this;
    }

    /** Steps {@code from} to {@code to} cannot be cut short by a cancel once begun. */
    public FakeWorkflow uninterruptible(int from, int to) {
        uninterruptible = Optional.of(new Plan.Uninterruptible(from, to, "fake reason"));
        return this;
    }

    public FakeWorkflow typedConfirmation() {
        typed = true;
        return this;
    }

    @Override
    public String cluster() {
        return cluster;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String kind() {
        return "fake";
    }

    @Override
    public Optional<String> node() {
        return Optional.of("n1");
    }

    @Override
    public boolean requiresTypedConfirmation() {
        return typed;
    }

    @Override
    public Topology topology(WorkflowContext context) {
        ran.add("topology");
        return new Topology(cluster, List.of(new TopologyNode("n1", "127.0.0.1:5432", NodeStatus.Role.PRIMARY,
                Optional.empty(), Optional.of(1), "17.6", "")), Optional.of("n1"), Instant.now());
    }

    @Override
    public Plan plan(Topology topology) {
        ran.add("plan");
        return new Plan(steps, uninterruptible);
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < prechecks.size(); i++) {
            Supplier<CheckResult> s = prechecks.get(i);
            int n = i + 1;
            checks.add(Check.of("check " + n, ctx -> {
                ran.add("precheck " + n);
                return s.get();
            }));
        }
        return checks;
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        return consequence;
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        return attempted.stream().map(r -> Check.of("verify " + r.number(), ctx -> {
            ran.add("verify " + r.number());
            return verification == null ? CheckResult.pass("verify " + r.number(), "fine") : verification.get();
        })).toList();
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        return List.of("fake next action for " + outcome);
    }
}
