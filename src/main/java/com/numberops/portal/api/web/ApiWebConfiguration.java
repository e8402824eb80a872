package com.numberops.portal.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's request bodies are read strictly ({@link StrictRequestBodies}), ahead of Boot's JSON
 * converter; Swagger UI gets its own, narrowly relaxed policy ({@link SwaggerUiPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	private final JsonMapper mapper;

	ApiWebConfiguration(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Bean
	FilterRegistrationBean<SwaggerUiPolicy> swaggerUiPolicy() {
		FilterRegistrationBean<SwaggerUiPolicy> registration = new FilterRegistrationBean<>(new SwaggerUiPolicy());
		registration.addUrlPatterns("/swagger-ui/*");
		return registration;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.addCustomConverter(new StrictRequestBodies(mapper));
	}
}
