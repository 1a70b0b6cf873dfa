package org.newsroom.content.shared.web;

import java.util.List;

/** Every list answers its items and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
