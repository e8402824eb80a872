package com.numberops.portal.support;

import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * A MockMvc request that arrives with these flash attributes, as the page after a redirect does.
 * MockMvc's own {@code flashAttr} puts them into the mock request's container session, which the
 * portal never reads: its sessions are Spring Session's (in the database), so the flash map is
 * handed to the DispatcherServlet directly, where it would have put what it found.
 */
public final class Flashed {

	private Flashed() {
	}

	public static RequestPostProcessor with(Map<String, ?> attributes) {
		return request -> {
			FlashMap flash = new FlashMap();
			flash.putAll(attributes);
			request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
			return request;
		};
	}
}
