package dev.newsroom.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void validHeaderContinuesTheTraceWithANewSpan() {
        TraceParent trace =
                TraceParent.continueOrStart(
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(trace.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(trace.spanId()).hasSize(16).isNotEqualTo("b7ad6b7169203331");
        assertThat(trace.toString())
                .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
                .endsWith("-01");
    }

    @Test
    void invalidHeadersStartANewTrace() {
        for (String bad :
                new String[] {
                    null,
                    "",
                    "garbage",
                    "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                    "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
                    "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                    "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-x"
                }) {
            TraceParent trace = TraceParent.continueOrStart(bad);
            assertThat(trace.toString())
                    .as(String.valueOf(bad))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotContain("0af7651916cd43dd8448eb211c80319c");
        }
    }
}
