package org.ventrack.pk;

import org.ventrack.platform.testing.PatientEventsConsumerContract;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PatientEventsConsumerTest extends PatientEventsConsumerContract {
}
