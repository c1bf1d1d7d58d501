package forkbench.report.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The scaling models a report fits: Amdahl's law, and Gunther's Universal Scalability Law. */
public enum FitModel {

    /** X(N) = λN / (1 + σ(N - 1)): a serial fraction σ. */
    AMDAHL("amdahl", 2),
    /** X(N) = λN / (1 + σ(N - 1) + κN(N - 1)): contention σ and coherency κ. */
    USL("usl", 3);

    private final String id;
    private final int parameters;

    FitModel(String id, int parameters) {
        this.id = id;
        this.parameters = parameters;
    }

    /** How reports and report.json name it. */
    @JsonValue
    public String id() {
        return id;
    }

    /** λ, σ and (for the USL) κ. */
    int parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return id;
    }
}
