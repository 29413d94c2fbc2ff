// Swagger UI over this server's /openapi. A file, not an inline script: the content security policy allows scripts
// from this server's files only. No validator badge (it would send the document to another site); "Try it out"
// sends its requests to this same server.
window.addEventListener('DOMContentLoaded', function () {
    var main = document.getElementById('main');
    window.ui = SwaggerUIBundle({
        url: '/openapi?format=json',
        domNode: main,
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
        onComplete: function () {
            main.removeAttribute('aria-busy');
        }
    });
});
