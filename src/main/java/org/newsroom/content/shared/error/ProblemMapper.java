package org.newsroom.content.shared.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.content.shared.version.StaleVersionException;
import org.newsroom.content.shared.version.VersionRequiredException;
import org.newsroom.content.shared.web.Representations;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where exceptions become {@code application/problem+json} answers (docs/http-api.md §6). */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** How long a client should wait before retrying when the database cannot be reached, in seconds. */
    static final long RETRY_AFTER_OUTAGE = 5;
    /** How long a client should wait before retrying work this instance is too busy for, in seconds. */
    public static final long RETRY_AFTER_BUSY = 2;

    private final DatabaseState database;

    public ProblemMapper(DatabaseState database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response response = problem(e.code(), e.getMessage(), uri, e.errors());
        if (e instanceof RetryLaterException later) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, later.retryAfterSeconds()).build();
        }
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        long fields = errors.stream().map(Problem.FieldError::field).distinct().count();
        return problem(ErrorCode.VALIDATION_FAILED, invalidFields((int) fields), uri, errors);
    }

    /** Named one by one: Quarkus has its own mappers for these, and the most specific mapper wins. */
    @ServerExceptionMapper({JsonProcessingException.class, UnrecognizedPropertyException.class,
            MismatchedInputException.class, InvalidFormatException.class, JsonParseException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return api(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response versionRequired(VersionRequiredException e, UriInfo uri) {
        return problem(ErrorCode.PRECONDITION_REQUIRED,
                "This write needs an If-Match header with the current ETag (read the resource first)", uri, List.of());
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersionException e, UriInfo uri) {
        return problem(ErrorCode.PRECONDITION_FAILED, "The resource has changed since you read it: its current ETag is "
                + Representations.etag(e.current()), uri, List.of());
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return concurrentChange(uri, headers);
    }

    /** Hibernate's, not Bean Validation's (imported above): both classes have this name. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.info("Write refused by a database constraint: " + e.getConstraintName());
        return problem(ErrorCode.CONFLICT, "The write conflicts with the stored data", uri, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response response = problem(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", uri, List.of());
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ErrorCode.FORBIDDEN, "Your role does not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        if (code == ErrorCode.INTERNAL) {
            LOG.error("Unexpected error", e);
        }
        Response response = problem(code, detailFor(code), uri, List.of());
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return response;
    }

    /**
     * Whatever else was thrown, recognised by its causes however it was wrapped: an unreachable database, a full
     * pool or a statement over its time are 503s to retry; a concurrent change of the same row
     * is a 409 (or a 412 for a write that named the version it changes); only the rest is a 500, logged.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        return switch (Failures.classify(e)) {
            case DATABASE_UNREACHABLE -> {
                database.unreachable(e);
                yield retryLater(ErrorCode.SERVICE_UNAVAILABLE, "The database cannot be reached; retry shortly",
                        RETRY_AFTER_OUTAGE, uri);
            }
            case NO_CONNECTION -> database.isReachable()
                    ? retryLater(ErrorCode.OVERLOADED, "No database connection was free in time; retry shortly",
                            RETRY_AFTER_BUSY, uri)
                    : retryLater(ErrorCode.SERVICE_UNAVAILABLE, "The database cannot be reached; retry shortly",
                            RETRY_AFTER_OUTAGE, uri);
            case TOO_SLOW -> retryLater(ErrorCode.OVERLOADED, "This request took longer than allowed; retry later",
                    RETRY_AFTER_BUSY, uri);
            case CONCURRENT_CHANGE -> concurrentChange(uri, headers);
            case OTHER -> {
                LOG.error("Unexpected error", e);
                yield problem(ErrorCode.INTERNAL, detailFor(ErrorCode.INTERNAL), uri, List.of());
            }
        };
    }

    /**
     * Two writes to the same row at once: for a write that named the version it changes (If-Match), that version is
     * no longer current (412); any other write simply lost the race and may be sent again (409).
     */
    private static Response concurrentChange(UriInfo uri, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            return problem(ErrorCode.PRECONDITION_FAILED, "Someone else changed this resource at the same moment", uri,
                    List.of());
        }
        return problem(ErrorCode.CONFLICT, "Someone else changed this resource at the same moment; send it again", uri,
                List.of());
    }

    private static Response retryLater(ErrorCode code, String detail, long seconds, UriInfo uri) {
        return Response.fromResponse(problem(code, detail, uri, List.of())).header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    static String detailFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "Nothing is here";
            case METHOD_NOT_ALLOWED -> "This resource does not answer that method";
            case NOT_ACCEPTABLE -> "None of the accepted media types is offered here";
            case UNSUPPORTED_MEDIA_TYPE -> "This body's media type is not accepted here";
            case PAYLOAD_TOO_LARGE -> "The body is larger than allowed";
            case INTERNAL -> "Something went wrong on our side; it has been logged";
            default -> "The request could not be read";
        };
    }

    private static Response problem(ErrorCode code, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = Problem.of(code, detail, uri.getPath(), errors);
        return Response.status(code.status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String invalidFields(int count) {
        return count == 1 ? "1 field is invalid" : count + " fields are invalid";
    }

    /** {@code create.request.paragraphs[0].text} becomes {@code paragraphs[0].text}; a query parameter keeps its name. */
    static String fieldName(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        Path.Node parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node;
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() == 0) {
            return parameter != null ? parameter.getName() : path.toString();
        }
        return field.toString();
    }
}
