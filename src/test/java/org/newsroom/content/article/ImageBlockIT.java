package org.newsroom.content.article;

import org.newsroom.content.support.PackagedAppServices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(PackagedAppServices.class)
class ImageBlockIT extends ImageBlockTest {
}
