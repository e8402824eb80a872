package com.numberops.portal.system;

/**
 * The id in a page's address, as a route pattern: {@code @GetMapping("/numbers/" + PathIds.ID)}
 * with {@code @PathVariable long id}. Up to 18 digits without a leading zero, so that Spring's
 * conversion to a long always succeeds. Anything else ({@code abc}, {@code 0}, 19 digits) matches
 * no route and is the same 404 as an id that exists for nobody, or only for another team: the
 * shape of an id tells nothing.
 */
public final class PathIds {

	public static final String ID = "{id:[1-9]\\d{0,17}}";

	private PathIds() {
	}
}
