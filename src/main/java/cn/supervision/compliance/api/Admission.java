package cn.supervision.compliance.api;


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
 * run at once, bounded by their cost in schools with a share per client ({@link AdmissionProperties},
 * {@link AdmissionLedger}); under overload a request is refused within {@code max-wait} with a 503
 * problem and {@code Retry-After} ({@link Overloaded}, mapped in {@link ProblemHandler}) instead of queueing behind the
 * others for seconds. The gate sits after authentication and before the body is read. Refusals are counted
 * ({@value #REFUSED}).
 */
@Configuration
class Admission implements HandlerInterceptor, WebMvcConfigurer {

    static final String REFUSED = "compliance.admission.refused";

    private static final String ADMITTED = Admission.class.getName() + ".cost";

    private final AdmissionProperties properties;
    private final AdmissionLedger ledger;
    private final Counter refused;

    Admission(AdmissionProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.ledger = new AdmissionLedger(properties);
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
        Admitted admitted = new Admitted(client(request), properties.cost(request.getContentLengthLong()));
        if (!ledger.admit(admitted.client(), admitted.cost(), properties.maxWait().toNanos())) {
            refused.increment();
            throw new Overloaded(properties.maxConcurrent(), Math.max(1, properties.retryAfter().toSeconds()));
        }
        request.setAttribute(ADMITTED, admitted);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(ADMITTED) instanceof Admitted admitted) {
            request.removeAttribute(ADMITTED);
            ledger.release(admitted.client(), admitted.cost());
        }
    }

    /** The authenticated account (the gate runs after authentication), else the address the request came from. */
    private static String client(HttpServletRequest request) {
        return request.getUserPrincipal() != null ? "account " + request.getUserPrincipal().getName()
                : "address " + request.getRemoteAddr();
    }

    private record Admitted(String client, long cost) {
    }
}
