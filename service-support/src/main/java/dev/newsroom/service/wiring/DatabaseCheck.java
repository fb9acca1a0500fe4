package dev.newsroom.service.wiring;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;

/** Ready only while the database answers (a read-only transaction and a valid connection). */
@Singleton
@Requires(classes = TransactionOperations.class)
@Requires(beans = TransactionOperations.class)
public class DatabaseCheck implements ReadinessCheck {
    private final TransactionOperations<Connection> tx;

    public DatabaseCheck(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String state() {
        try {
            return tx.executeRead(status -> status.getConnection().isValid(2)) ? UP : "DOWN";
        } catch (RuntimeException e) {
            return "DOWN";
        }
    }
}
