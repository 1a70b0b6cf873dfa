package org.newsroom.content.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NegotiationTest {

    private static final List<MediaType> JSON_OR_TEXT = List.of(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_PLAIN_TYPE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/plain | text/plain",
            "text/plain;charset=utf-8 | text/plain",
            "TEXT/PLAIN; Charset=UTF-8 | text/plain",
            "text/plain; format=flowed; q=0.9 | text/plain",
            "text/* | text/plain",
            "*/* | application/json",
            "application/json | application/json",
            "application/json;q=0.5, text/plain | text/plain",
            "text/plain;q=0.5, application/json | application/json",
            "text/plain, application/json | application/json",
            "*/*;q=0.1, text/plain | text/plain",
            "text/plain;q=0, */* | application/json",
            "text/html, */*;q=0.8 | application/json",
            "application/* | application/json",
            "garbage, text/plain | text/plain"})
    void choosesWhatAcceptAsksFor(String accept, String chosen) {
        assertEquals(MediaType.valueOf(chosen), Negotiation.choose(accept, JSON_OR_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noAcceptTakesTheFirstOffered(String accept) {
        assertEquals(MediaType.APPLICATION_JSON_TYPE, Negotiation.choose(accept, JSON_OR_TEXT));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, Negotiation.choose(null, JSON_OR_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "text/plain;q=0", "image/*", "text/plain;q=x",
            "application/json;q=0, text/plain;q=0"})
    void nothingAcceptableIsA406(String accept) {
        assertThrows(NotAcceptableException.class, () -> Negotiation.choose(accept, JSON_OR_TEXT));
    }
}
