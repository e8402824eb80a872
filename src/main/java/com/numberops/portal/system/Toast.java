package com.numberops.portal.system;

import java.io.Serializable;
import java.util.Map;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A short message in the page's toast area: after a redirect (flash) or out of band in an htmx answer.
 * Serializable: a flashed toast waits in the shared session store (Spring Session JDBC) for the next page.
 */
public record Toast(Level level, String message) implements Serializable {

	public enum Level {
		SUCCESS, INFO, WARNING, ERROR;

		public String css() {
			return name().toLowerCase();
		}
	}

	public static Toast success(String message) {
		return new Toast(Level.SUCCESS, message);
	}

	public static Toast error(String message) {
		return new Toast(Level.ERROR, message);
	}

	/** Shown on the page the redirect leads to. */
	public void flash(RedirectAttributes attributes) {
		attributes.addFlashAttribute("toast", this);
	}

	/** Appended to an htmx answer; the fragment swaps itself into the toast area. */
	public ModelAndView outOfBand() {
		return new ModelAndView("fragments/toast :: toast", Map.of("toast", this, "oob", true));
	}
}
