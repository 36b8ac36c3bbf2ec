package org.ventrack.platform.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Dates in request bodies are ISO-8601 strings and nothing else. Jackson's Java time support also takes arrays
 * ({@code [2024, 1, 15]}) and reads an empty array as no date at all, so {@code "endDate": []} would silently store a
 * null: found by the bad-input fuzzer. Anything but a string is now a 400 problem.
 */
@Singleton
public class StrictDates implements ObjectMapperCustomizer {

    /** After Quarkus has registered the Java time module, so these win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("ventrack-strict-dates");
        module.addDeserializer(LocalDate.class, new StringOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        module.addDeserializer(LocalDateTime.class,
                new StringOnly<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE));
        mapper.registerModule(module);
    }

    private static final class StringOnly<T> extends StdDeserializer<T> {

        private final JsonDeserializer<T> iso;

        StringOnly(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return iso.deserialize(parser, context);
        }
    }
}
