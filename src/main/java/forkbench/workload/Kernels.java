package forkbench.workload;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Kernels by name: the built-in short names, or the class name of any {@link Kernel} on the class path. The same
 * lookup runs in the parent (for {@code -p kernel=...}) and in every child JVM, so a kernel that loads in one loads
 * in both.
 */
public final class Kernels {

    /** The seed's summation, {@link Summation}: the default, with a closed form to check against. */
    public static final String SUM = "sum";
    /** {@link PrimeCount}: no closed form, uneven cost across the range. */
    public static final String PRIMES = "primes";

    public static final List<String> BUILT_IN = List.of(SUM, PRIMES);

    /** {@link JsonKernel}: parsing JSON documents with Jackson. */
    public static final String JSON = "json";
    /** {@link DeflateKernel}: a zlib round trip of generated text. */
    public static final String DEFLATE = "deflate";
    /** {@link RegexKernel}: matching access-log lines with groups. */
    public static final String REGEX = "regex";
    /** {@link SortKernel}: sorting lists of small records. */
    public static final String SORT = "sort";

    /**
     * The kernels that allocate as real work does, with real libraries. Not trained into the children's archive by
     * default (a benchmark that names one adds it), since the summation and prime counting need none of their
     * classes.
     */
    public static final List<String> ALLOCATING = List.of(JSON, DEFLATE, REGEX, SORT);

    /** Every name a user may give for a built-in kernel. */
    private static final List<String> ALL_BUILT_IN = List.of(SUM, PRIMES, JSON, DEFLATE, REGEX, SORT);

    /** The built-ins' names on the wire: package-private classes, which a child creates directly, by these names. */
    private static final Map<Class<?>, String> BUILT_IN_WIRE_NAMES = Map.of(PrimeCount.class,
            PrimeCount.class.getName(), JsonKernel.class, JSON, DeflateKernel.class, DEFLATE, RegexKernel.class, REGEX,
            SortKernel.class, SORT);

    private static final ClassValue<String> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String builtIn = BUILT_IN_WIRE_NAMES.get(type);
            return builtIn != null ? builtIn : checkCreatableByName(type, Kernel.class);
        }
    };

    private Kernels() {
    }

    /**
     * A new kernel: a built-in by short or class name, else the named class created with its no-argument
     * constructor. The built-ins are created directly, not reflectively: a child JVM does this within milliseconds
     * of starting, where reflection's first use would cost more than the lookup itself.
     *
     * @throws IllegalArgumentException with a one-line reason when the name does not give a kernel
     */
    public static Kernel byName(String name) {
        refuseShadowed(name, Kernels.class.getClassLoader());
        if (name.equals(SUM) || name.equals(Summation.class.getName())) {
            return new Summation();
        }
        if (name.equals(PRIMES) || name.equals(PrimeCount.class.getName())) {
            return new PrimeCount();
        }
        String shortName = BUILT_IN_WIRE_NAMES.entrySet().stream().filter(e -> e.getKey().getName().equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(name);
        switch (shortName) {
            case JSON -> {
                return new JsonKernel();
            }
            case DEFLATE -> {
                return new DeflateKernel();
            }
            case REGEX -> {
                return new RegexKernel();
            }
            case SORT -> {
                return new SortKernel();
            }
            default -> {
            }
        }
        if (name.startsWith(FaultKernel.PREFIX)) {
            return FaultKernel.fromWireName(name);
        }
        return createByName(name, Kernel.class, ALL_BUILT_IN);
    }

    /**
     * Refuses a class name that more than one class path entry defines: the first one found would run and the other
     * be silently ignored — a user's {@code forkbench.workload.PrimeCount} replaced by the built-in, say.
     */
    public static void refuseShadowed(String name, ClassLoader loader) {
        if (!name.contains(".") || name.startsWith(FaultKernel.PREFIX)) {
            return;
        }
        List<String> places = new java.util.ArrayList<>();
        try {
            loader.getResources(name.replace('.', '/') + ".class").asIterator()
                    .forEachRemaining(url -> places.add(url.toString()));
        } catch (java.io.IOException e) {
            return;
        }
        if (places.size() > 1) {
            throw new IllegalArgumentException("kernel '" + name + "' is defined " + places.size() + " times on the "
                    + "class path (" + String.join(", ", places) + "): the first would run and the others be ignored; "
                    + "give yours a name (or package) of its own");
        }
    }

    /**
     * The named class, which must implement {@code type}, created with its public no-argument constructor: how a
     * user's own kernel of either kind is created, in the parent and in every child.
     *
     * @throws IllegalArgumentException with a one-line reason when the name does not give one
     */
    public static <T> T createByName(String name, Class<T> type, List<String> builtIns) {
        Class<?> found;
        try {
            found = Class.forName(name, false, Kernels.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no kernel '" + name + "': neither a built-in " + builtIns
                    + " nor a class on the class path");
        }
        checkCreatableByName(found, type);
        try {
            return type.cast(found.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("kernel " + name + ": its constructor threw " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("kernel " + name + " cannot be created: " + e);
        }
    }

    /**
     * The name a child JVM creates this kernel's twin by.
     *
     * @throws IllegalArgumentException when its class cannot be created by name (anonymous, local, not public...)
     */
    public static String wireName(Kernel kernel) {
        if (kernel instanceof FaultKernel faulty) {
            return faulty.wireName();
        }
        return WIRE_NAMES.get(kernel.getClass());
    }

    /** After this long, a sequential run for the expected answer says what it is doing. */
    private static final java.time.Duration EXPECTED_NOTE_AFTER = java.time.Duration.ofSeconds(30);

    /**
     * The answer every strategy must give for {@code [0, n)}: the kernel's own, else one sequential run — which,
     * for a slow kernel or one that never returns, says so after a while rather than stall the run in silence.
     */
    public static long expected(Kernel kernel, long n) {
        java.util.OptionalLong own = kernel.expected(n);
        if (own.isPresent()) {
            return own.getAsLong();
        }
        Thread note = Thread.ofPlatform().daemon().name("forkbench-expected-note").start(() -> {
            try {
                Thread.sleep(EXPECTED_NOTE_AFTER.toMillis());
                System.err.println("forkbench: still computing the expected answer of " + kernel.getClass().getName()
                        + " over [0, " + n + ") after " + EXPECTED_NOTE_AFTER.toSeconds() + " s: one sequential run "
                        + "in the set-up, before anything is timed, that every strategy's answer is checked against");
            } catch (InterruptedException e) {
                // Done in time.
            }
        });
        try {
            return kernel.compute(0, n);
        } finally {
            note.interrupt();
        }
    }

    /** Fails loudly when a strategy's answer differs from the expected one, and passes the answer through. */
    public static long verify(String strategy, String kernel, long n, long actual, long expected) {
        if (actual != expected) {
            throw new WrongResultException(strategy + " computed " + kernel + " over [0, " + n + ") as " + actual
                    + ", expected " + expected);
        }
        return actual;
    }

    /** The class name a child creates its twin of an instance of {@code type} by, once checked that it can. */
    public static String checkCreatableByName(Class<?> type, Class<?> kind) {
        String name = type.getName();
        if (!kind.isAssignableFrom(type)) {
            throw new IllegalArgumentException(name + " is not a " + kind.getName());
        }
        if (type.isAnonymousClass() || type.isLocalClass() || type.isHidden() || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("kernel " + name + " cannot be created by name: it must be a "
                    + "concrete named class (child JVMs create their own instance)");
        }
        if (!Modifier.isPublic(type.getModifiers())
                || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
            throw new IllegalArgumentException("kernel " + name + " must be a public top-level or public static "
                    + "nested class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("kernel " + name + " needs a public no-argument constructor");
        }
        return name;
    }
}
