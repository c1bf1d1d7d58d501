package forkbench.process;

import forkbench.io.AtomicFiles;
import forkbench.io.Leftovers;
import forkbench.workload.Kernels;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernels;
import forkbench.workload.data.DataSetupException;
import forkbench.workload.data.Transport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes a start-up archive: a training child runs a small job of each kernel and of each data transport, then
 * exits and dumps what it loaded; the whole training is bounded, and a kernel that loops or runs out of memory in it
 * ends it, named.
 */
final class ArchiveTraining {

    private ArchiveTraining() {
    }

    /** The most a whole training may take, answers and exit: a kernel that loops must not stall the run. */
    static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);

    /** Elements per training job: enough to load and link a kernel's code, short for a heavy user kernel. */
    private static final long TRAINING_JOB = 10_000;

    static Optional<Path> train(StartupArchive kind, List<String> baseCommand, List<String> kernels, Path directory,
                                Path archive, Path failed, String extension, Duration limit) throws IOException {
        String trainFlag = kind == StartupArchive.AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        Path partial = Leftovers.track(Files.createTempFile(directory, "training-", extension));
        Path config = Leftovers.track(partial.resolveSibling(partial.getFileName() + ".config"));
        try {
            String why = runTrainee(baseCommand, kernels, trainFlag + partial, limit);
            if (why == null && Files.size(partial) == 0) {
                why = "the training JVM wrote an empty archive";
            }
            if (why != null) {
                StartupArchiveCache.remember(failed, why);
                return Optional.empty();
            }
            AtomicFiles.write(ArchiveTrust.checksumFile(archive), ArchiveTrust.checksum(partial));
            AtomicFiles.move(partial, archive);
            StartupArchiveCache.pruneStale(directory);
            return Optional.of(archive);
        } finally {
            Leftovers.delete(partial);
            Leftovers.delete(config);
        }
    }

    /**
     * Runs one child through a whole job per kernel (start, kernel, result) and lets it exit and dump, so the archive
     * holds what a job loads and links. A training job of 5·10⁸ elements instead of a small one did not make a
     * cold child compute faster (results/2026-11-28-cold-children), so the jobs stay small.
     *
     * @return why the training failed, or {@code null} when it succeeded
     */
    private static String runTrainee(List<String> baseCommand, List<String> kernels, String trainFlag,
                                     Duration limit) throws IOException {
        List<String> command = new ArrayList<>(baseCommand);
        command.add(1, trainFlag);
        List<String> own = kernels.stream().filter(kernel -> !Kernels.BUILT_IN.contains(kernel)).toList();
        StartupArchiveCache.say("training a start-up archive for child JVMs"
                + (own.isEmpty() ? "" : " on " + String.join(", ", own)) + " (once per class path, at most "
                + limit.toSeconds() + " s; " + StartupArchiveCache.NO_ARCHIVE_VARIABLE
                + "=1 skips it)");
        Process trainee = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Past the limit the trainee is killed, which ends the reading below at end of stream.
        java.util.concurrent.atomic.AtomicBoolean overTime = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("forkbench-training-limit").start(() -> {
            try {
                if (!trainee.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    overTime.set(true);
                    trainee.destroyForcibly();
                }
            } catch (InterruptedException e) {
                trainee.destroyForcibly();
            }
        });
        String suspects = own.isEmpty() ? "" : " (kernel" + (own.size() == 1 ? " " : "s ") + String.join(", ", own)
                + ")";
        try {
            String failure = talkToTrainee(trainee, kernels);
            if (!trainee.waitFor(limit.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                trainee.destroyForcibly();
            }
            if (overTime.get()) {
                return "the training child did not finish within " + limit.toSeconds() + " s: a kernel that loops "
                        + "or is slow on " + TRAINING_JOB + " elements" + suspects;
            }
            // A child that died (out of memory, say) breaks the pipe too: its exit code says more than the pipe.
            int code = trainee.exitValue();
            if (code != 0) {
                return "the training child " + ChildExitException.describe(code) + suspects;
            }
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            trainee.destroyForcibly();
            watchdog.interrupt();
        }
    }

    /** Sends the training jobs and reads their answers; why that failed, or {@code null}. */
    private static String talkToTrainee(Process trainee, List<String> kernels) {
        try (DataOutputStream toChild = new DataOutputStream(trainee.getOutputStream());
             DataInputStream fromChild = new DataInputStream(new BufferedInputStream(trainee.getInputStream()));
             DataJob shared = DataJob.create(DataKernels.SCRAMBLE, DataJob.BLOCK, Transport.SHARED, DataJob.SEED)) {
            for (String kernel : kernels) {
                Frames.write(toChild, new Message.Start(kernel, 0, TRAINING_JOB));
            }
            // A data job of each built-in kernel, one block sent in a frame, and one mapped from shared memory: the
            // classes of both transports (and a transform's way back) in the archive too.
            byte[] block = new byte[DataJob.BLOCK];
            for (String kernel : DataKernels.BUILT_IN) {
                Frames.write(toChild, new Message.StartData(kernel, 0, block.length, "", ""));
                Frames.writeData(toChild, block, 0, block.length);
            }
            Frames.write(toChild, new Message.StartData(shared.kernelName(), 0, shared.size(),
                    shared.inputFile().orElseThrow().toString(), shared.outputFile().orElseThrow().toString()));
            int answers = 0;
            int expected = kernels.size() + DataKernels.BUILT_IN.size() + 1;
            for (Message message; answers < expected
                    && (message = Frames.readSkippingText(fromChild, line -> { })) != null; ) {
                if (message instanceof Message.Result || message instanceof Message.Failure) {
                    answers++;
                }
            }
            return null;
        } catch (IOException | ChildProtocolException | DataSetupException e) {
            return "the training child failed (" + e.getMessage() + ")";
        }
    }
}
