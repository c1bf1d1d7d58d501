package forkbench.report.export;

import forkbench.io.AtomicFiles;
import forkbench.io.Leftovers;
import forkbench.io.OutputRefusedException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes an output folder (a report, a comparison) so that it appears whole or not at all: every file goes into a
 * hidden sibling folder, which is then renamed into place. Two writers racing for one folder cannot mix their files:
 * the second rename finds the folder taken. An existing folder is replaced only when asked, only when it holds
 * nothing but outputs of the same kind (so stale charts go with it), and never when it holds an input.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Creates and returns the first of {@code base}, {@code base-2}, {@code base-3}, ... that did not exist: the
     * creation is the claim, so two runs started in the same second never share a folder, and an empty folder
     * another run has just made is never taken for a free one.
     */
    public static Path claimFolder(Path base) throws IOException {
        Files.createDirectories(base.toAbsolutePath().getParent());
        for (int i = 1; ; i++) {
            Path candidate = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // Someone else's: try the next name.
            }
        }
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}, ... that does not exist or is empty. */
    public static Path freeFolder(Path base) {
        for (int i = 1; ; i++) {
            Path candidate = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            if (!Files.exists(candidate) || isEmptyFolder(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Refuses, before any work is done, a folder the outputs cannot go to.
     *
     * @param names   the outputs by relative path ({@code report.md}, {@code charts/x.svg})
     * @param replace whether a folder holding earlier outputs of the same kind may be replaced
     * @param inputs  files the outputs are made from: never written over, nor removed with a replaced folder
     */
    public static void check(Path folder, Collection<String> names, boolean replace, Collection<Path> inputs)
            throws OutputRefusedException {
        Path target = folder.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path in = real(input);
            if (in.startsWith(real(target))) {
                throw new OutputRefusedException(folder + " holds the input " + input
                        + "; write the output to another folder (--out)");
            }
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputRefusedException(folder + " is a file, not a folder; choose another --out");
        }
        if (Files.isDirectory(target) && !isEmptyFolder(target)) {
            if (!replace) {
                throw new OutputRefusedException(folder + " already holds files; choose another --out or pass "
                        + "--force to replace an earlier output there");
            }
            Set<String> foreign = foreignEntries(target, names);
            if (!foreign.isEmpty()) {
                throw new OutputRefusedException(folder + " holds " + String.join(", ", foreign)
                        + ", which this output does not write; --force only replaces a folder of earlier outputs");
            }
        }
        Path parent = nearestExisting(target.getParent());
        if (parent != null && !Files.isWritable(parent)) {
            throw new OutputRefusedException("cannot create " + folder + ": " + parent + " is not writable");
        }
    }

    /**
     * Writes every output into {@code folder} after {@link #check}ing it, through a hidden sibling folder renamed
     * into place.
     *
     * @param kind every top-level name this kind of output may write (a report without charts still replaces an
     *             earlier one that had them)
     * @throws OutputRefusedException when {@link #check} refuses; nothing is written
     * @throws IOException            when writing fails; nothing is left behind
     */
    public static void write(Path folder, Map<String, String> outputs, boolean replace, Collection<Path> inputs,
                             Collection<String> kind) throws IOException {
        Set<String> names = new TreeSet<>(kind);
        names.addAll(outputs.keySet());
        check(folder, names, replace, inputs);
        Path target = folder.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Leftovers.track(AtomicFiles.hiddenSibling(target, "partial"));
        Path previous = null;
        try {
            Files.createDirectory(staging);
            for (Map.Entry<String, String> output : outputs.entrySet()) {
                Path file = staging.resolve(output.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, output.getValue());
            }
            if (Files.isDirectory(target) && !isEmptyFolder(target)) {
                previous = Leftovers.track(AtomicFiles.hiddenSibling(target, "replaced"));
                rename(target, previous);
            }
            try {
                rename(staging, target);
            } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                if (previous != null && !Files.exists(target)) {
                    rename(previous, target);
                    previous = null;
                }
                throw new OutputRefusedException(folder + " was filled by another writer meanwhile; nothing written");
            }
        } finally {
            Leftovers.delete(staging);
            if (previous != null) {
                Leftovers.delete(previous);
            }
        }
    }

    /** One file, whole or not at all, with the permissions the umask gives. */
    public static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.write(target, content);
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            // rename(2) replaces an empty folder and fails on a non-empty one: exactly the race check we want.
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Top-level entries of {@code folder} that no output of this kind would write. */
    private static Set<String> foreignEntries(Path folder, Collection<String> names) throws OutputRefusedException {
        Set<String> ours = new TreeSet<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            ours.add(slash < 0 ? name : name.substring(0, slash));
        }
        Set<String> foreign = new TreeSet<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.map(entry -> entry.getFileName().toString()).filter(name -> !ours.contains(name))
                    .forEach(foreign::add);
        } catch (IOException e) {
            throw new OutputRefusedException("cannot list " + folder + ": " + e.getMessage());
        }
        return foreign;
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path nearestExisting(Path path) {
        Path current = path;
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current;
    }

    /** The real path where the file exists (links resolved), else the normalised absolute one. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            Path absolute = path.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            if (parent != null && Files.exists(parent)) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName());
                } catch (IOException ignored) {
                    return absolute;
                }
            }
            return absolute;
        }
    }
}
