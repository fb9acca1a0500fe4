package dev.newsroom.gateway.transcoding;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.newsroom.proto.search.v1.Highlights;
import dev.newsroom.proto.search.v1.SearchHit;
import dev.newsroom.proto.search.v1.SearchResponse;
import dev.newsroom.proto.search.v1.SectionCount;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * bench/gateway: the JSON of a 20-hit search answer (English and Persian, two marked snippets a
 * hit, about 16 KB) as the gateway holds it, a DynamicMessage, printed by JsonFormat and encoded,
 * and by {@link ProtoJson}. Not a test: bench/gateway/run runs it with JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResponseJsonBench {

    private static final JsonFormat.Printer JSON_FORMAT =
            JsonFormat.printer().omittingInsignificantWhitespace();
    private static final String[] EN = {
        "Wheat exports rose in March as buyers in North Africa returned to the market",
        "The central bank left its benchmark rate unchanged and said inflation would ease",
        "Coffee prices fell after rain in Brazil's growing regions eased supply worries"
    };
    private static final String[] FA = {
        "صادرات گندم در اسفند افزایش یافت و خریداران شمال آفریقا به بازار بازگشتند",
        "بانک مرکزی نرخ بهره را تغییر نداد و گفت تورم کاهش خواهد یافت",
        "قیمت قهوه پس از بارش باران در مناطق کشت برزیل پایین آمد"
    };

    private DynamicMessage answer;

    @Setup
    public void setUp() throws InvalidProtocolBufferException {
        SearchResponse.Builder response =
                SearchResponse.newBuilder()
                        .setTotalHits(1843)
                        .setNextPageToken("c2NvcmU6MTIuNDU2OjExNzU3OQ");
        for (int i = 0; i < 20; i++) {
            String[] text = i % 3 == 2 ? FA : EN;
            String headline = text[i % text.length];
            String lead = text[(i + 1) % text.length] + ". " + text[(i + 2) % text.length] + ".";
            String snippet =
                    text[(i + 2) % text.length]
                            + " — "
                            + text[i % text.length]
                            + ", officials said on Tuesday.";
            response.addHits(
                    SearchHit.newBuilder()
                            .setId(117_000 + i)
                            .setSlug("story-" + i + "-" + headline.length())
                            .setLanguage(text == FA ? "fa" : "en")
                            .setSection(i % 2 == 0 ? "economy" : "world")
                            .setHeadline(headline)
                            .setLead(lead)
                            .setAuthor("Desk")
                            .setPublishTime(
                                    Timestamp.newBuilder()
                                            .setSeconds(1_764_288_000L + i * 3_600L)
                                            .setNanos(i * 1_000_000))
                            .setScore(12.5f - i * 0.37f)
                            .setHighlights(
                                    Highlights.newBuilder()
                                            .setHeadline(
                                                    headline.replaceFirst(
                                                            "(\\S+)$", "<mark>$1</mark>"))
                                            .addSnippets(
                                                    snippet.replaceFirst(
                                                                    " (\\S+) ", " <mark>$1</mark> ")
                                                            + " "
                                                            + lead)
                                            .addSnippets(
                                                    lead.replace("&", "&amp;") + " " + snippet)));
        }
        response.addFacets(SectionCount.newBuilder().setSection("economy").setCount(1200));
        response.addFacets(SectionCount.newBuilder().setSection("world").setCount(643));
        answer =
                DynamicMessage.parseFrom(
                        SearchResponse.getDescriptor(), response.build().toByteString());
    }

    @Benchmark
    public byte[] jsonFormat() throws InvalidProtocolBufferException {
        return JSON_FORMAT.print(answer).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] protoJson() throws InvalidProtocolBufferException {
        return ProtoJson.print(answer);
    }

    /** The size of the answer, for the run script's line. */
    public static void main(String[] args) throws Exception {
        ResponseJsonBench bench = new ResponseJsonBench();
        bench.setUp();
        System.out.println(bench.protoJson().length);
    }
}
