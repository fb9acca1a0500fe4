package dev.newsroom.article.support;

import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that shares one article-service, on a fresh schema, across its tests. */
public abstract class ArticleServiceTest {
    protected static TestPostgres.Schema db;
    protected static RunningArticleService service;
    protected static ArticleServiceBlockingStub editor;
    protected static ArticleServiceBlockingStub reader;

    @BeforeAll
    static void startService() {
        db = TestPostgres.freshSchema();
        service = new RunningArticleService(db);
        editor = Stories.editor(service.channel());
        reader = Stories.reader(service.channel());
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.drop();
        }
    }
}
