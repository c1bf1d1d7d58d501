package forkbench.benchmarks;

/** The smallest Java program there is: {@link JvmStartBaseline} times a JVM that runs only this. */
public final class HelloWorld {

    static final String GREETING = "Hello, world";

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println(GREETING);
    }
}
