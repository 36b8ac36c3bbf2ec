package org.ventrack.platform.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every error into {@code application/problem+json}: no stack trace, and no 500 for a client's mistake. */
public class ProblemMappers {

    @Inject
    ProblemConfig config;

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> pathHas(v.getPropertyPath(), ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(Problem.of(400, "validation", "The request is not valid",
                errors.size() + " field(s) are not valid.").withErrors(errors), uri);
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public RestResponse<Problem> malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "The request body is not valid JSON", e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class })
    public RestResponse<Problem> unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = jsonPath(e);
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "'" + invalid.getValue() + "' is not one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid) {
            message = "'" + invalid.getValue() + "' is not a valid " + simpleName(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + simpleName(mismatched.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        return respond(Problem.of(400, "invalid-body", "The request body does not match the expected structure",
                (field.isEmpty() ? "body" : field) + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return unmappableJson(mapping, uri);
            }
            if (cause instanceof JsonProcessingException parse) {
                return malformedJson(parse, uri);
            }
        }
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Problem problem = switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", detailOr(e, "The request is not valid."));
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource at " + uri.getPath() + ".");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This resource does not support that method.");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This resource cannot produce the requested media type.");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.");
            default -> Problem.of(status, "http-" + status, response.getStatusInfo().getReasonPhrase(), detailOr(e, null));
        };
        RestResponse<Problem> mapped = respond(problem, uri);
        if (status == 405 && response.getHeaderString(HttpHeaders.ALLOW) != null) {
            mapped.getHeaders().putSingle(HttpHeaders.ALLOW, response.getHeaderString(HttpHeaders.ALLOW));
        }
        return mapped;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class })
    public RestResponse<Problem> unauthorized(RuntimeException e, UriInfo uri) {
        RestResponse<Problem> response = respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required."), uri);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role may not do this."), uri);
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getSimpleName().equals("StaleObjectStateException")) {
                return respond(ProblemException.preconditionFailed(
                        "The resource was changed by someone else; fetch it again and retry with its new ETag.").problem(), uri);
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return respond(ProblemException.conflict("A resource with the same unique key already exists.").problem(), uri);
            }
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                // the client hung up while its request body was being read: nothing was done, and nobody hears the answer
                Log.debugf("client closed the connection during %s", uri.getPath());
                return respond(Problem.of(400, "connection-closed", "Connection closed",
                        "The connection was closed before the request was read."), uri);
            }
        }
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, uri);
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error, incident %s", incident);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The server could not complete the request. Incident " + incident + " has been logged."), uri);
    }

    /** 503 with Retry-After: the request was fine, the database could not be reached; nothing was written. */
    RestResponse<Problem> databaseUnavailable(Throwable e, UriInfo uri) {
        Log.warnf("database unreachable, answering 503: %s", rootMessage(e));
        long seconds = Math.max(1, config.databaseRetryAfter().toSeconds());
        RestResponse<Problem> response = respond(Problem.of(503, "database-unavailable", "Service unavailable",
                "The database cannot be reached at the moment; nothing was changed. Retry after " + seconds + " s."), uri);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return response;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static RestResponse<Problem> respond(Problem problem, UriInfo uri) {
        Problem withInstance = problem.instance() == null && uri != null ? problem.withInstance(URI.create(uri.getPath())) : problem;
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(withInstance)
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .build();
    }

    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? (parameter == null ? "body" : parameter) : String.join(".", names);
    }

    private static boolean pathHas(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "int", "Integer", "long", "Long" -> "integer";
            case "double", "Double", "BigDecimal", "float", "Float" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "UUID" -> "UUID";
            case "String" -> "string";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                    : java.util.Collection.class.isAssignableFrom(type) ? "array" : "object";
        };
    }

    private static String detailOr(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") ? fallback : message;
    }
}
