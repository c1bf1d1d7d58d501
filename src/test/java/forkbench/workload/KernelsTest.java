package forkbench.workload;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelsTest {

    /** Creatable by name: public, static, a public no-argument constructor. */
    public static class Squares implements Kernel {
        @Override
        public long compute(long from, long to) {
            long sum = 0;
            for (long i = from; i < to; i++) {
                sum += i * i;
            }
            return sum;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }
    }

    public static final class NeedsAnArgument extends KernelStub {
        public NeedsAnArgument(int size) {
        }
    }

    public static final class ThrowsWhenCreated extends KernelStub {
        public ThrowsWhenCreated() {
            throw new IllegalStateException("no licence");
        }
    }

    static final class PackagePrivate extends KernelStub {
    }

    public abstract static class KernelStub implements Kernel {
        @Override
        public long compute(long from, long to) {
            return 0;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }
    }

    @Test
    void builtInsAreFoundByShortNameAndByClassName() {
        assertInstanceOf(Summation.class, Kernels.byName("sum"));
        assertInstanceOf(Summation.class, Kernels.byName(Summation.class.getName()));
        assertInstanceOf(PrimeCount.class, Kernels.byName("primes"));
        assertInstanceOf(PrimeCount.class, Kernels.byName(PrimeCount.class.getName()));
    }

    @Test
    void anyKernelOnTheClassPathIsFoundByItsClassNameAndIsAFreshInstance() {
        Kernel first = Kernels.byName(Squares.class.getName());
        assertInstanceOf(Squares.class, first);
        assertTrue(first != Kernels.byName(Squares.class.getName()));
        assertEquals(Squares.class.getName(), Kernels.wireName(first));
    }

    @Test
    void namesThatGiveNoKernelAreRefusedWithTheReason() {
        assertEquals("no kernel 'com.example.Missing': neither a built-in [sum, primes, json, deflate, regex, sort] nor a class on the class path",
                assertThrows(IllegalArgumentException.class, () -> Kernels.byName("com.example.Missing"))
                        .getMessage());
        assertTrue(message(String.class.getName()).endsWith("is not a forkbench.workload.Kernel"));
        assertTrue(message(KernelStub.class.getName()).contains("must be a concrete named class"));
        assertTrue(message(NeedsAnArgument.class.getName()).endsWith("needs a public no-argument constructor"));
        assertTrue(message(PackagePrivate.class.getName()).contains("must be a public top-level or public static"));
        assertTrue(message(ThrowsWhenCreated.class.getName()).endsWith(
                "its constructor threw java.lang.IllegalStateException: no licence"));
    }

    @Test
    void aKernelAChildCouldNotCreateByNameHasNoWireName() {
        Kernel anonymous = new KernelStub() {
        };
        assertThrows(IllegalArgumentException.class, () -> Kernels.wireName(anonymous));
    }

    @Test
    void expectedUsesTheKernelsOwnAnswerAndElseOneSequentialRun() {
        // The closed form answers at once for a size no loop could finish.
        assertEquals(Summation.reference(Long.MAX_VALUE), Kernels.expected(new Summation(), Long.MAX_VALUE));

        AtomicInteger calls = new AtomicInteger();
        Kernel counted = new Squares() {
            @Override
            public long compute(long from, long to) {
                calls.incrementAndGet();
                return super.compute(from, to);
            }
        };
        assertEquals(285, Kernels.expected(counted, 10));
        assertEquals(1, calls.get());
    }

    @Test
    void verifyPassesTheRightAnswerAndFailsLoudlyOnAWrongOne() {
        assertEquals(45, Kernels.verify("test", "sum", 10, 45, 45));
        WrongResultException wrong = assertThrows(WrongResultException.class,
                () -> Kernels.verify("someStrategy", "primes", 10, 3, 4));
        assertEquals("someStrategy computed primes over [0, 10) as 3, expected 4", wrong.getMessage());
    }

    private static String message(String name) {
        return assertThrows(IllegalArgumentException.class, () -> Kernels.byName(name)).getMessage();
    }

    @Test
    void aUserClassThatABuiltInShadowsIsRefusedNotSilentlyReplaced(@org.junit.jupiter.api.io.TempDir
                                                                   java.nio.file.Path dir) throws Exception {
        // A jar of the user's own forkbench.workload.PrimeCount, behind forkbench's on the class path.
        java.nio.file.Path jar = dir.resolve("kernel.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("forkbench/workload/PrimeCount.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                Kernels.class.getClassLoader())) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Kernels.refuseShadowed(PrimeCount.class.getName(), loader));
            assertTrue(refused.getMessage().contains("kernel 'forkbench.workload.PrimeCount' is defined 2 times on "
                    + "the class path"), refused.getMessage());
            assertTrue(refused.getMessage().contains(dir.getFileName() + "/kernel.jar!"), refused.getMessage());
            Kernels.refuseShadowed(Summation.class.getName(), loader);
        }
        Kernels.refuseShadowed(PrimeCount.class.getName(), Kernels.class.getClassLoader());
    }
}
