package com.numberops.portal.api.web;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads the request bodies of /api, and only those (their types live in the api module), with
 * the application's mapper made strict: an unknown field, a duplicate key, trailing content, a
 * string where a boolean or number belongs (or a number or boolean where a string does), a null
 * for a primitive, or a NUL character in any string is refused (a 400 naming the field, from
 * {@link ApiErrors}). Boot's mapper ignores unknown fields, which the sandbox's carrier endpoints
 * and the carrier clients rely on: they keep it. Answers are written by Boot's converter.
 */
final class StrictRequestBodies extends JacksonJsonHttpMessageConverter {

	private static final String API_TYPES = "com.numberops.portal.api";

	StrictRequestBodies(JsonMapper application) {
		super(application.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					booleans -> booleans.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.addModule(new SimpleModule("api-strings").addDeserializer(String.class, new NulRefusingStrings()))
			.build());
	}

	@Override
	public boolean canRead(ResolvableType type, @org.jspecify.annotations.Nullable MediaType mediaType) {
		Class<?> raw = type.resolve();
		return raw != null && raw.getPackageName().startsWith(API_TYPES) && super.canRead(type, mediaType);
	}

	@Override
	public boolean canWrite(ResolvableType type, Class<?> valueClass, @org.jspecify.annotations.Nullable MediaType mediaType) {
		return false;
	}

	/** A string with a NUL: PostgreSQL's text cannot hold one, and no field of the portal may. */
	static final class NulCharacter extends MismatchedInputException {

		NulCharacter(JsonParser parser) {
			super(parser, "A string contains a NUL character (U+0000).");
		}
	}

	private static final class NulRefusingStrings extends StdScalarDeserializer<String> {

		NulRefusingStrings() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				throw new NulCharacter(parser);
			}
			return value;
		}
	}
}
