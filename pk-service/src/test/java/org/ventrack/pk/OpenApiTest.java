package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void theDocumentIsPublicAndCarriesOperationsWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/pk/samples'.post.summary", notNullValue())
                .body("paths.'/api/v1/pk/dose-recommendation'.post.requestBody", notNullValue())
                .body("paths.'/api/v1/pk/alerts'.get.summary", notNullValue())
                .body(containsString("7215"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
