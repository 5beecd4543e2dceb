// Zet de focus op het foutoverzicht, zodat een schermlezer en toetsenbordgebruiker de fouten meteen hoort en ziet.
document.addEventListener("DOMContentLoaded", function () {
  var overzicht = document.getElementById("foutoverzicht");
  if (overzicht) { overzicht.focus(); }
});
