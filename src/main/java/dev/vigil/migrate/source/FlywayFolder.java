package dev.vigil.migrate.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of SQL scripts in the Flyway convention, searched with its sub-folders as Flyway searches a
 * {@code filesystem:} location: {@code V<version>__<description>.sql} and the paired {@code U<version>__….sql}.
 * Repeatable ({@code R__}) scripts and other files are reported as not handled, not guessed at.
 */
public final class FlywayFolder implements MigrationSource {
    private final Path folder;
    private final Charset encoding;

    public FlywayFolder(Path folder) {
        this(folder, StandardCharsets.UTF_8);
    }

    /** @param encoding the scripts' encoding, Flyway's {@code encoding} setting (UTF-8 unless configured) */
    public FlywayFolder(Path folder, Charset encoding) {
        this.folder = folder;
        this.encoding = encoding;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    @Override
    public MigrationSet load() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("migration folder " + folder + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Map<MigrationVersion, MigrationScript> applies = new LinkedHashMap<>();
        Map<MigrationVersion, MigrationScript> undos = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            var name = ScriptName.parse(fileName);
            if (name.isEmpty()) {
                if (fileName.endsWith(ScriptName.SUFFIX)) {
                    problems.add(folder.relativize(file) + ": not a versioned (V) or undo (U) script name; "
                            + (fileName.startsWith("R") ? "repeatable migrations are not handled by Vigil" : "ignored"));
                }
                continue;
            }
            MigrationScript script = MigrationScript.of(name.get(), folder.relativize(file).toString(), read(file));
            Map<MigrationVersion, MigrationScript> into = name.get().kind() == ScriptName.Kind.VERSIONED ? applies : undos;
            MigrationScript earlier = into.putIfAbsent(script.version(), script);
            if (earlier != null) {
                problems.add("version " + script.version() + " has two " + (into == applies ? "" : "undo ")
                        + "scripts: " + earlier.location() + " and " + script.location() + "; the first is used");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        applies.forEach((version, apply) -> migrations.add(new Migration(apply,
                java.util.Optional.ofNullable(undos.remove(version)))));
        List<MigrationScript> orphans = new ArrayList<>(undos.values());
        orphans.forEach(u -> problems.add(u.location() + " undoes version " + u.version()
                + ", which has no V-script in " + folder));
        return new MigrationSet(describe(), migrations, orphans, problems);
    }

    private String read(Path file) throws IOException {
        try {
            return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not valid " + encoding.name() + ": " + e.getMessage(), e);
        }
    }
}
