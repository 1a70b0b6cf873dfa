package org.newsroom.content.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

/**
 * Text bodies must be well-formed UTF-8 before anything parses them. Jackson decodes overlong forms (C0 AF as "/"),
 * which would let a filter-dodging byte sequence become ordinary text; the JDK's decoder, in REPORT mode, refuses
 * those, lone surrogates and every other malformed sequence.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean text = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                || type.getType().equals("text"));
        if (text) {
            byte[] body = context.getInputStream().readAllBytes();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The body is not valid UTF-8");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
