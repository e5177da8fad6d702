package cn.supervision.compliance.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control for evaluations ({@code POST /api/v1/evaluations}, JSON or an uploaded template): a bounded number
 * run at once ({@link AdmissionProperties}); under overload a request is refused within {@code max-wait} with a 503
 * problem and {@code Retry-After} ({@link Overloaded}, mapped in {@link ProblemHandler}) instead of queueing behind the
 * others for seconds. The gate sits after authentication and before the body is read. Refusals are counted
 * ({@value #REFUSED}).
 */
@Configuration
class Admission implements HandlerInterceptor, WebMvcConfigurer {

    static final String REFUSED = "compliance.admission.refused";

    private final AdmissionProperties properties;
    private final Semaphore places;
    private final Counter refused;

    Admission(AdmissionProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.places = new Semaphore(properties.maxConcurrent());
        this.refused = meters.counter(REFUSED);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/evaluations");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (!places.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
            refused.increment();
            throw new Overloaded(properties.maxConcurrent(), Math.max(1, properties.retryAfter().toSeconds()));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if ("POST".equals(request.getMethod())) {
            places.release();
        }
    }
}
