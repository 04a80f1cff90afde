// A "Skriv ut" button (data-print) opens the browser's print dialogue. The button is hidden in the
// markup and shown here, so a browser without scripts shows no button that does nothing.
document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
