package org.ventrack.survival.rest;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * NaN and infinities, which the statistics use where R says NA (a bound of a zero survival, a median not reached),
 * are written as JSON null, in single values and in the columns of a curve.
 */
@Singleton
public class NonFiniteAsNull implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("non-finite-as-null");
        JsonSerializer<Double> number = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                write(value, out);
            }
        };
        module.addSerializer(Double.class, number);
        module.addSerializer(double.class, number);
        module.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeStartArray(values, values.length);
                for (double v : values) {
                    write(v, out);
                }
                out.writeEndArray();
            }
        });
        mapper.registerModule(module);
    }

    private static void write(double value, JsonGenerator out) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeNull();
        }
    }
}
