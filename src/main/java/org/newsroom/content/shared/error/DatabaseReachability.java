package org.newsroom.content.shared.error;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A successful answer means the database answered too (every endpoint reads it): the outage, if any, is over. */
public class DatabaseReachability {

    private final DatabaseState database;

    public DatabaseReachability(DatabaseState database) {
        this.database = database;
    }

    @ServerResponseFilter
    public void answered(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 300 || status == 304) {
            database.reachable();
        }
    }
}
