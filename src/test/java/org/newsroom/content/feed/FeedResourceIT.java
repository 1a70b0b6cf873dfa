package org.newsroom.content.feed;

import org.newsroom.content.support.PackagedAppServices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(PackagedAppServices.class)
class FeedResourceIT extends FeedResourceTest {

    @Override
    String base() {
        return PackagedAppServices.PUBLIC_BASE_URL;
    }
}
