package dev.newsroom.search.api;

import com.google.protobuf.Timestamp;
import dev.newsroom.proto.search.v1.Highlights;
import dev.newsroom.proto.search.v1.ReindexRequest;
import dev.newsroom.proto.search.v1.ReindexResponse;
import dev.newsroom.proto.search.v1.RelatedRequest;
import dev.newsroom.proto.search.v1.RelatedResponse;
import dev.newsroom.proto.search.v1.SearchHit;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.proto.search.v1.SearchResponse;
import dev.newsroom.proto.search.v1.SearchServiceGrpc;
import dev.newsroom.proto.search.v1.SectionCount;
import dev.newsroom.proto.search.v1.SuggestRequest;
import dev.newsroom.proto.search.v1.SuggestResponse;
import dev.newsroom.proto.search.v1.Suggestion;
import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.search.index.SearchIndex;
import dev.newsroom.search.query.RelatedStories;
import dev.newsroom.search.query.StoryHit;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.query.Suggestions;
import dev.newsroom.service.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/** SearchService over gRPC: maps requests, checks roles, asks the live index. */
@Singleton
public class SearchEndpoint extends SearchServiceGrpc.SearchServiceImplBase {
    private final SearchIndex index;
    private final StorySearch search;
    private final Suggestions suggestions;
    private final RelatedStories related;

    public SearchEndpoint(SearchIndex index, SearchConfig config, Clock clock) {
        this.index = index;
        this.search = new StorySearch(config, clock);
        this.suggestions = new Suggestions(config.maxSuggestions());
        this.related = new RelatedStories(config.maxRelated());
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    StorySearch.Request r =
                            new StorySearch.Request(
                                    request.getQ(),
                                    request.getSection(),
                                    request.getLanguage(),
                                    request.hasFrom() ? millis(request.getFrom()) : null,
                                    request.hasTo() ? millis(request.getTo()) : null,
                                    byDate(request.getSort()),
                                    request.getRecencyBoost(),
                                    request.getPageSize(),
                                    request.getPageToken());
                    StorySearch.Result result = index.withSearcher(s -> search.search(s, r));
                    SearchResponse.Builder response =
                            SearchResponse.newBuilder()
                                    .setTotalHits(result.totalHits())
                                    .setNextPageToken(result.nextPageToken())
                                    .setSuggestion(result.suggestion());
                    result.hits().forEach(h -> response.addHits(hit(h)));
                    result.facets()
                            .forEach(
                                    (section, count) ->
                                            response.addFacets(
                                                    SectionCount.newBuilder()
                                                            .setSection(section)
                                                            .setCount(count)));
                    return response.build();
                });
    }

    @Override
    public void suggest(SuggestRequest request, StreamObserver<SuggestResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    SuggestResponse.Builder response = SuggestResponse.newBuilder();
                    index.withSearcher(
                                    s ->
                                            suggestions.suggest(
                                                    s, request.getQ(), request.getLanguage()))
                            .forEach(
                                    sg ->
                                            response.addSuggestions(
                                                    Suggestion.newBuilder()
                                                            .setId(sg.id())
                                                            .setSlug(sg.slug())
                                                            .setHeadline(sg.headline())));
                    return response.build();
                });
    }

    @Override
    public void related(RelatedRequest request, StreamObserver<RelatedResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    RelatedResponse.Builder response = RelatedResponse.newBuilder();
                    index.withSearcher(s -> related.of(s, request.getId()))
                            .orElseThrow(
                                    () ->
                                            Status.NOT_FOUND
                                                    .withDescription(
                                                            "no published story " + request.getId())
                                                    .asRuntimeException())
                            .forEach(h -> response.addArticles(hit(h)));
                    return response.build();
                });
    }

    @Override
    public void reindex(ReindexRequest request, StreamObserver<ReindexResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Caller.current().require(Caller.ADMIN);
                    String name = index.reindex();
                    if (name == null) {
                        throw Status.FAILED_PRECONDITION
                                .withDescription("a reindex is already running")
                                .asRuntimeException();
                    }
                    return ReindexResponse.newBuilder().setIndex(name).build();
                });
    }

    private static boolean byDate(String sort) {
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "", "relevance" -> false;
            case "date" -> true;
            default -> throw new IllegalArgumentException("sort must be \"relevance\" or \"date\"");
        };
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }

    private static SearchHit hit(StoryHit h) {
        return SearchHit.newBuilder()
                .setId(h.id())
                .setSlug(h.slug())
                .setLanguage(h.language())
                .setSection(h.section())
                .setHeadline(h.headline())
                .setLead(h.lead())
                .setAuthor(h.author())
                .setPublishTime(
                        Timestamp.newBuilder()
                                .setSeconds(Math.floorDiv(h.publishMillis(), 1000))
                                .setNanos((int) Math.floorMod(h.publishMillis(), 1000) * 1_000_000))
                .setScore(h.score())
                .setHighlights(
                        Highlights.newBuilder()
                                .setHeadline(h.headlineMarked())
                                .addAllSnippets(h.snippets()))
                .build();
    }
}
