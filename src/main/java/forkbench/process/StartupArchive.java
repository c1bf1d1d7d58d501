package forkbench.process;

/**
 * What a child JVM maps at start-up to skip loading and linking classes from scratch. Each is made once per JDK,
 * class path and flag set by a training child (see {@link StartupArchiveCache}), and only makes children start faster:
 * a missing or unusable one leaves them on the JDK's own default archive.
 */
public enum StartupArchive {

    /** Nothing beyond the JDK's default class-data archive. */
    NONE,

    /** An application class-data archive ({@code -XX:ArchiveClassesAtExit}, JDK 13+): our classes, pre-parsed. */
    APP_CDS,

    /**
     * JDK 25's ahead-of-time cache ({@code -XX:AOTCacheOutput}, JEP 483/514): classes loaded and linked, plus
     * resolved lambda forms. Asked for on an older JDK, it falls back to {@link #APP_CDS}.
     */
    AOT_CACHE;

    /** The fastest this JDK offers: measured by {@code ColdStartVariants}, the AOT cache where there is one. */
    public static StartupArchive best() {
        return Runtime.version().feature() >= 25 ? AOT_CACHE : APP_CDS;
    }

    /** What can really be made for a child run by {@code java}: the AOT cache needs JDK 25 in that very JVM. */
    StartupArchive available(boolean sameJdkAsParent) {
        if (this == AOT_CACHE && !(sameJdkAsParent && Runtime.version().feature() >= 25)) {
            return APP_CDS;
        }
        return this;
    }
}
