package forkbench.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.SplittableRandom;

/**
 * Parsing JSON, as a service reading requests or a batch job reading records does: item {@code i} is a generated
 * document (an order: nested objects, an array of lines, strings, numbers) written out as text, parsed by Jackson
 * into a tree and folded into a checksum of its fields. Every step allocates: the text, the parser's buffers, the
 * tree's nodes and strings.
 */
final class JsonKernel extends SummedKernel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SKUS = {"apple", "pear", "plum", "quince", "fig", "kiwi", "lime", "date"};

    @Override
    public long compute(long from, long to) {
        long sum = 0;
        StringBuilder text = new StringBuilder(512);
        for (long i = from; i < to; i++) {
            text.setLength(0);
            try {
                sum += Items.mix(fold(JSON.readTree(document(i, text).toString())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("document " + i + " does not parse: " + e.getOriginalMessage(), e);
            }
        }
        return sum;
    }

    /** Order {@code i} as JSON text. */
    static StringBuilder document(long i, StringBuilder text) {
        SplittableRandom random = Items.random(i);
        text.append("{\"id\":").append(i).append(",\"customer\":{\"name\":\"customer-")
                .append(Long.toHexString(random.nextLong())).append("\",\"vip\":").append(random.nextBoolean())
                .append("},\"lines\":[");
        int lines = 1 + random.nextInt(6);
        for (int line = 0; line < lines; line++) {
            text.append(line == 0 ? "" : ",").append("{\"sku\":\"").append(SKUS[random.nextInt(SKUS.length)])
                    .append("\",\"qty\":").append(1 + random.nextInt(20)).append(",\"cents\":")
                    .append(random.nextInt(100_000)).append('}');
        }
        return text.append("],\"note\":\"").append("x".repeat(random.nextInt(40))).append("\"}");
    }

    private static long fold(JsonNode order) {
        long value = order.get("id").asLong() * 31 + order.get("customer").get("name").asText().length()
                + (order.get("customer").get("vip").asBoolean() ? 7 : 0) + order.get("note").asText().length();
        for (JsonNode line : order.get("lines")) {
            value = value * 31 + line.get("sku").asText().hashCode() + line.get("qty").asLong()
                    * line.get("cents").asLong();
        }
        return value;
    }

    @Override
    public long smallestPart() {
        return 1 << 10;
    }
}
