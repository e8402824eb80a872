package com.numberops.portal.system;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Page or JSON: how an error answer is written for a client, decided from its Accept header in
 * one place for the portal's error answers ({@link ErrorAnswers}) and the container's own.
 */
public final class AnswerFormat {

	private static final MediaType XHTML = MediaType.APPLICATION_XHTML_XML;

	private AnswerFormat() {
	}

	/**
	 * Whether the client asked for JSON rather than a page: a JSON type (application/json,
	 * application/problem+json, any +json) listed with a higher quality than HTML, or as high and
	 * earlier. A browser, a client that takes anything ({@code *}{@code /*}) or says nothing gets the page.
	 */
	public static boolean prefersJson(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
		MediaType preferred = null;
		for (MediaType type : types) {
			boolean known = json(type) || type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(XHTML);
			if (known && !type.isWildcardType() && !type.isWildcardSubtype()
					&& (preferred == null || type.getQualityValue() > preferred.getQualityValue())) {
				preferred = type;
			}
		}
		return preferred != null && json(preferred);
	}

	private static boolean json(MediaType type) {
		return type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix());
	}
}
