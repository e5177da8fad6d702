package cn.supervision.compliance.api;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request whose declared body is larger than {@code compliance.limits.max-request-bytes} with a 413 problem;
 * batches ({@code /api/v1/batches}, streamed to disk and bounded per county) have their own
 * {@code compliance.limits.max-batch-bytes}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long requestLimit;
    private final long batchLimit;
    private final ObjectMapper mapper;

    RequestSizeLimit(@Value("${compliance.limits.max-request-bytes}") long requestLimit,
                     @Value("${compliance.limits.max-batch-bytes}") long batchLimit, ObjectMapper mapper) {
        this.requestLimit = requestLimit;
        this.batchLimit = batchLimit;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/api/v1/batches") ? batchLimit : requestLimit;
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + limit + " bytes.");
            problem.setTitle("Request too large");
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
