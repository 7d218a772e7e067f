package io.tidings.template.velocity.sandbox;

import java.io.Reader;

import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * The only resource loader of the engine: it finds nothing. Templates are rendered from strings,
 * so {@code #include} and {@code #parse} can never read a file, the classpath or a URL.
 */
public final class NoFileResourceLoader extends ResourceLoader {

    @Override
    public void init(ExtProperties configuration) {
        // nothing to configure: there is nowhere to load from
    }

    @Override
    public Reader getResourceReader(String source, String encoding) {
        throw new ResourceNotFoundException("templates cannot load resources ('" + source + "')");
    }

    @Override
    public boolean resourceExists(String resourceName) {
        return false;
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
