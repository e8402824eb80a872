package com.numberops.portal.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.numberops.portal.api.PhoneNumberDocument;
import com.numberops.portal.api.PhoneNumberList;
import com.numberops.portal.api.PhoneNumberRequest;
import com.numberops.portal.numbers.NumberFilter;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI 3.1 document at /v3/api-docs: what springdoc reads from the /api controllers, plus
 * what it cannot read from them: the bearer token every operation takes, the problem details
 * every error is ({@link ApiErrors}) under each status an operation can answer, and the list's
 * query parameters (the inventory's filter names). Added to every operation under /api, so
 * endpoints added later are described with their errors without doing anything.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearerToken";

	static final String PROBLEM = "Problem";

	static final String FIELD_ERROR = "FieldError";

	static final String PROBLEM_JSON = "application/problem+json";

	/** What each error status means, for every operation that can answer it. */
	static final Map<Integer, String> ERRORS = errors();

	/** The statuses any operation can answer; writes add {@link #WRITE_ERRORS}. */
	static final List<Integer> ANY_ERRORS = List.of(400, 401, 403, 404, 406, 429);

	static final List<Integer> WRITE_ERRORS = List.of(409, 412, 413, 415, 422);

	@Bean
	OpenAPI portalApi() {
		return new OpenAPI()
			.info(new Info().title("Number operations portal API")
				.version("1")
				.description("""
						The portal's number record (seed 003) and its edits, for other systems. Authenticate with a \
						personal API token (Authorization: Bearer <token>, created on the portal's API tokens page); \
						it acts with its user's role and teams. Errors are RFC 9457 problem details."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal API token: Authorization: Bearer <token>")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** The error answers of every /api operation, by its method. */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return openApi -> {
			// here, not in the OpenAPI bean: springdoc keeps only the schemas its models use
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
			nullables(openApi);
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				if (!path.startsWith("/api/")) {
					return;
				}
				item.readOperationsMap().forEach((method, operation) -> {
					ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
					boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
					ANY_ERRORS.forEach(status -> add(responses, status));
					if (write) {
						WRITE_ERRORS.forEach(status -> add(responses, status));
					}
					operation.setResponses(responses);
				});
			});
		};
	}

	/** The records whose {@code @Nullable} components the document says may be null. */
	private static final List<Class<?>> DOCUMENTED = documented();

	private static List<Class<?>> documented() {
		List<Class<?>> types = new java.util.ArrayList<>();
		for (Class<?> top : List.of(PhoneNumberDocument.class, PhoneNumberRequest.class, PhoneNumberList.Page.class)) {
			types.add(top);
			types.addAll(List.of(top.getDeclaredClasses()));
		}
		return types.stream().filter(Class::isRecord).toList();
	}

	/**
	 * OpenAPI 3.1 says "may be null" in the type ({@code ["string", "null"]}), which springdoc does
	 * not read from JSpecify's {@code @Nullable}: the seed's "string | null" fields say so here.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void nullables(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		for (Class<?> type : DOCUMENTED) {
			io.swagger.v3.oas.annotations.media.Schema named = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
			Schema schema = schemas.get(named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName());
			if (schema == null || schema.getProperties() == null) {
				continue;
			}
			for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
				boolean nullable = component.getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class)
						|| component.isAnnotationPresent(org.jspecify.annotations.Nullable.class);
				Schema property = (Schema) schema.getProperties().get(component.getName());
				if (!nullable || property == null) {
					continue;
				}
				if (property.get$ref() != null) {
					schema.getProperties().put(component.getName(), new Schema<>().anyOf(
							List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null")))));
				}
				else {
					Set<String> types = new java.util.LinkedHashSet<>(
							property.getTypes() != null ? property.getTypes() : Set.of(String.valueOf(property.getType())));
					types.add("null");
					property.setTypes(types);
				}
			}
		}
	}

	/** The list's query parameters: the Numbers page's filters, sort, and the paging ones. */
	@Bean
	OperationCustomizer listParameters() {
		return (operation, handler) -> {
			if (handler.getBeanType() == PhoneNumbersApi.class && handler.getMethod().getName().equals("list")) {
				listParameters(operation);
			}
			return operation;
		};
	}

	private static void listParameters(Operation operation) {
		for (NumberFilter.Parameter filter : NumberFilter.Parameter.values()) {
			operation.addParametersItem(query(filter.key(), "A filter of the Numbers page (same name, same values)."));
		}
		operation.addParametersItem(query(PhoneNumberList.SORT, "number (default), name, modified (newest first) or health.")
			.schema(string()._enum(List.of("number", "name", "modified", "health"))));
		operation.addParametersItem(query(PhoneNumberList.PAGE_SIZE, "Items per page, 1 to " + PhoneNumberList.MAX_PAGE_SIZE
				+ " (default " + PhoneNumberList.DEFAULT_PAGE_SIZE + ")")
			.schema(new Schema<Integer>().type("integer").types(Set.of("integer")).minimum(java.math.BigDecimal.ONE)
				.maximum(java.math.BigDecimal.valueOf(PhoneNumberList.MAX_PAGE_SIZE))));
		operation.addParametersItem(query(PhoneNumberList.PAGE_TOKEN, "The nextPageToken of the page before (opaque)."));
	}

	private static Parameter query(String name, String description) {
		return new Parameter().in("query").name(name).required(false).description(description).schema(string());
	}

	private static void add(ApiResponses responses, int status) {
		String code = String.valueOf(status);
		if (responses.containsKey(code)) {
			return;
		}
		responses.addApiResponse(code, new ApiResponse().description(ERRORS.get(status))
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	private static Map<Integer, String> errors() {
		Map<Integer, String> errors = new LinkedHashMap<>();
		errors.put(400, "Unreadable: malformed JSON, a wrong type, an unknown field or query parameter, a NUL character (errors names the field)");
		errors.put(401, "No token, or a token that is unknown, expired or revoked");
		errors.put(403, "The token's user's role does not allow this");
		errors.put(404, "No such resource for this user: another team's number is no different from none");
		errors.put(406, "The answer is JSON: Accept must allow application/json");
		errors.put(409, "The record moved on meanwhile (a concurrent change); nothing was changed");
		errors.put(412, "If-Match names a version that is no longer the record's; nothing was changed");
		errors.put(413, "The request body is too large");
		errors.put(415, "The request body must be application/json");
		errors.put(422, "Well-formed, but the rules refuse it (errors names the fields); nothing was changed");
		errors.put(429, "Too many requests for this token: wait as long as Retry-After says");
		return Map.copyOf(errors);
	}

	private static Schema<String> string() {
		return new Schema<String>().type("string").types(Set.of("string"));
	}

	private static Schema<Object> fieldError() {
		return new Schema<>().type("object")
			.types(Set.of("object"))
			.description("One field error")
			.addProperty("field", new Schema<String>().types(Set.of("string", "null"))
				.description("A JSON path into the body, a query parameter's name, or null for the whole request"))
			.addProperty("message", string().description("What is wrong and what to send instead"))
			.required(List.of("message"));
	}

	private static Schema<Object> problem() {
		return new Schema<>().type("object")
			.types(Set.of("object"))
			.description("RFC 9457 problem details")
			.addProperty("type", string().format("uri").description("about:blank"))
			.addProperty("title", string().description("The status's phrase"))
			.addProperty("status", new Schema<Integer>().type("integer").types(Set.of("integer")))
			.addProperty("detail", string().description("What happened and what to do about it"))
			.addProperty("instance", string().format("uri-reference").description("The address asked for"))
			.addProperty("errors", new Schema<>().type("array").types(Set.of("array"))
				.items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
				.description("Field errors (400, 422)"))
			.addProperty("currentVersion", new Schema<Long>().type("integer").types(Set.of("integer"))
				.description("The record's version now (409, 412)"))
			.required(List.of("title", "status", "detail"));
	}
}
