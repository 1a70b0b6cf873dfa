package org.newsroom.content.shared.web;

import java.util.Iterator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.JsonProblems;
import org.newsroom.content.shared.validation.Checked;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): objects merge member by member, null removes, anything else replaces. The result is
 * read back as the request record it patches and validated like a full body, so a patch can break nothing a PUT
 * could not.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Checked checked;

    public MergePatch(ObjectMapper json, Checked checked) {
        this.json = json;
        this.checked = checked;
    }

    /** {@code current} with {@code patch} applied, as a valid {@code type}; any mistake is the client's 400. */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        requireObject(patch);
        try {
            return checked.valid(json.treeToValue(merge(json.valueToTree(current), patch), type));
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }

    /** A patch that is not an object is refused before anything else is looked at. */
    public static void requireObject(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A merge patch must be a JSON object");
        }
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
