package dev.rapport.storage.jdbc.testing;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Behind {@link StorageTest}: one invocation per {@link TestDatabase}, which it passes to the test method. */
public final class StorageTestExtension implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, StorageTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(TestDatabase.all()).map(Invocation::new);
    }

    private record Invocation(TestDatabase database) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return database.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
                    return parameter.getParameter().getType() == TestDatabase.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
                    return database;
                }
            });
        }
    }
}
