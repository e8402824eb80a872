package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document at /v3/api-docs: valid OpenAPI 3.1 (swagger-parser reads it without a
 * message), bearer security, and EVERY handler mapped under /api, enumerated from Spring MVC's
 * own mappings at test time (so endpoints added later are checked without touching this test),
 * is in it with its problem details answers. Signed-in users only, Swagger UI included.
 */
class ApiDocumentationTests extends PortalIntegrationTest {

	static final List<String> ANY_ERRORS = List.of("400", "401", "403", "404", "406", "429");

	static final List<String> WRITE_ERRORS = List.of("409", "412", "413", "415", "422");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	PortalPrincipal viewer;

	@BeforeEach
	void aViewer() {
		viewer = (PortalPrincipal) users.loadUserByUsername("viewer");
	}

	String document() throws Exception {
		MockHttpServletResponse answer = mvc.perform(get("/v3/api-docs").with(user(viewer))).andReturn().getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		return answer.getContentAsString();
	}

	OpenAPI parsed(String document) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
		assertThat(result.getMessages()).as("swagger-parser's complaints").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		return result.getOpenAPI();
	}

	@Test
	void theDocumentIsOpenApi31WithBearerSecurity() throws Exception {
		OpenAPI api = parsed(document());
		assertThat(api.getOpenapi()).startsWith("3.1");
		assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearerToken");
		assertThat(api.getComponents().getSecuritySchemes().get("bearerToken").getScheme()).isEqualTo("bearer");
		assertThat(api.getSecurity()).isNotEmpty();
		assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldError", "PhoneNumber",
				"PhoneNumberRequest");
		io.swagger.v3.oas.models.media.Schema<?> state = (io.swagger.v3.oas.models.media.Schema<?>) api.getComponents()
			.getSchemas()
			.get("PhoneNumber")
			.getProperties()
			.get("inventoryState");
		assertThat(state.getEnum()).map(String::valueOf).contains("Ready for SMS", "Internal/test-only");
		assertThat(api.getPaths().keySet()).allMatch(path -> path.startsWith("/api/"), "only the API is described");
	}

	@Test
	void everyApiHandlerIsDescribedWithItsErrors() throws Exception {
		OpenAPI api = parsed(document());
		assertThat(api.getComponents().getSchemas().get("Problem").getProperties()).containsKeys("status", "detail", "errors");
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Set<String> patterns = mapping.getKey().getPatternValues();
			for (String pattern : patterns) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{([A-Za-z0-9_]+):[^/]*}", "{$1}");
				PathItem item = api.getPaths().get(path);
				assertThat(item).as(path + " (" + mapping.getValue() + ") is in the document").isNotNull();
				Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
				assertThat(methods).as(path + " names its HTTP methods").isNotEmpty();
				for (RequestMethod method : methods) {
					Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
					assertThat(operation).as(method + " " + path + " is in the document").isNotNull();
					List<String> errors = new ArrayList<>(ANY_ERRORS);
					if (method != RequestMethod.GET && method != RequestMethod.HEAD) {
						errors.addAll(WRITE_ERRORS);
					}
					for (String status : errors) {
						ApiResponse response = operation.getResponses().get(status);
						assertThat(response).as(method + " " + path + " answers " + status).isNotNull();
						assertThat(response.getContent()).as(method + " " + path + " " + status + " is problem details")
							.containsKey("application/problem+json");
						assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
							.as(method + " " + path + " " + status + " is the Problem schema")
							.isEqualTo("#/components/schemas/Problem");
					}
					assertThat(operation.getResponses().keySet()).as(method + " " + path + " has a success answer")
						.anyMatch(status -> status.startsWith("2"));
					checked.add(method + " " + path);
				}
			}
		}
		assertThat(checked).contains("GET /api/phone-numbers/{phoneNumberId}", "PUT /api/phone-numbers/{phoneNumberId}", "GET /api/phone-numbers");
	}

	@Test
	void theListsParametersAreThePagesFilters() throws Exception {
		Operation list = parsed(document()).getPaths().get("/api/phone-numbers").getGet();
		assertThat(list.getParameters()).extracting(parameter -> parameter.getName())
			.contains("q", "provider", "state", "warmup", "sort", "pageSize", "pageToken");
	}

	@Test
	void onlySignedInPeopleReadTheDocumentAndSwaggerUi() throws Exception {
		assertThat(mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(mvc.perform(get("/swagger-ui/index.html").accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		MockHttpServletResponse ui = mvc.perform(get("/swagger-ui/index.html").with(user(viewer))).andReturn().getResponse();
		assertThat(ui.getStatus()).isEqualTo(200);
		assertThat(ui.getContentAsString()).contains("swagger-initializer.js").doesNotContain("<script>").doesNotContain("<style");
		// its own policy: the strict one and the hash of the bundle's one style element; inline scripts stay refused
		assertThat(ui.getHeader("Content-Security-Policy")).contains("style-src 'self' 'sha256-")
			.contains("script-src 'self';");
		assertThat(mvc.perform(get("/numbers").with(user(viewer))).andReturn().getResponse().getHeader("Content-Security-Policy"))
			.as("the pages keep the strict policy")
			.contains("style-src 'self';")
			.doesNotContain("sha256");
		MockHttpServletResponse initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js").with(user(viewer)))
			.andReturn()
			.getResponse();
		assertThat(initializer.getStatus()).isEqualTo(200);
		assertThat(initializer.getContentAsString()).contains("/v3/api-docs");
	}
}
