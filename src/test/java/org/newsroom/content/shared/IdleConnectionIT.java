package org.newsroom.content.shared;

import org.newsroom.content.support.PackagedAppServices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same against the packaged application, started with the profile's settings (a test profile is not inherited). */
@QuarkusIntegrationTest
@TestProfile(IdleConnectionTest.TwoSecondIdleTimeout.class)
@WithTestResource(PackagedAppServices.class)
class IdleConnectionIT extends IdleConnectionTest {
}
