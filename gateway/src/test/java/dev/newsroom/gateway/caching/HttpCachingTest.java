package dev.newsroom.gateway.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ListSectionsResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpCachingTest {

  @Test
  void etagIsIdAndVersion() {
    assertThat(HttpCaching.etagOf(Article.newBuilder().setId(42).setVersion(3).build())).isEqualTo("\"42-3\"");
    assertThat(HttpCaching.etagOf(Article.getDefaultInstance())).isNull();
    assertThat(HttpCaching.etagOf(ListSectionsResponse.getDefaultInstance())).isNull();
  }

  @Test
  void ifNoneMatchUsesWeakComparisonListsAndStar() {
    assertThat(HttpCaching.matches(List.of("\"42-3\""), "\"42-3\"")).isTrue();
    assertThat(HttpCaching.matches(List.of("W/\"42-3\""), "\"42-3\"")).isTrue();
    assertThat(HttpCaching.matches(List.of("\"1-1\", \"42-3\""), "\"42-3\"")).isTrue();
    assertThat(HttpCaching.matches(List.of("*"), "\"42-3\"")).isTrue();
    assertThat(HttpCaching.matches(List.of("\"42-2\""), "\"42-3\"")).isFalse();
    assertThat(HttpCaching.matches(null, "\"42-3\"")).isFalse();
  }
}
