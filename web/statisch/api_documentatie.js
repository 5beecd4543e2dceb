// Start Swagger UI op /docs. Een eigen bestand en geen script in de pagina: de Content-Security-Policy staat alleen
// scripts van deze site toe. Dezelfde instellingen als FastAPI's eigen pagina, zonder de validator op internet.
(function () {
  var plek = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: plek.dataset.openapi,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
  });
})();
