package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Every expression and template of the portal fits in Thymeleaf's caches at once: with its
 * defaults (500 expressions, 200 templates) a mix of pages evicted each other's parsed
 * expressions, and every request parsed, resolved and compiled them again.
 */
class ThymeleafCachesTests extends PortalIntegrationTest {

	/** A th: attribute's value, and each ${...} or ~{...} inside one: what Thymeleaf caches parsed. */
	static final Pattern EXPRESSION = Pattern.compile("th:[a-z-]+=\"([^\"]*)\"|[$~*#@]\\{[^}]*}");

	@Autowired
	TemplateEngine engine;

	@Test
	void everyTemplatesExpressionsFitInTheCacheTogether() throws IOException {
		Set<String> expressions = new HashSet<>();
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		for (Resource template : templates) {
			Matcher matcher = EXPRESSION.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				expressions.add(matcher.group());
			}
		}
		assertThat(expressions).hasSizeGreaterThan(500);
		StandardCacheManager caches = (StandardCacheManager) engine.getCacheManager();
		// each expression is cached parsed, and its SpEL once more
		assertThat(caches.getExpressionCacheMaxSize()).isGreaterThan(2 * expressions.size());
		assertThat(caches.getTemplateCacheMaxSize()).isGreaterThan(templates.length * 20);
	}
}
