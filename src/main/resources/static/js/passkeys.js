// Passkeys on our pages, with Spring Security's own WebAuthn script (/login/webauthn.js, served by this server):
// "sign in with a passkey" on /login and /login/mfa, "add a passkey" on /account/mfa. No inline script anywhere.
(function () {
  "use strict";
  function headers(button) {
    var h = {};
    h[button.dataset.csrfHeader] = button.dataset.csrf;
    return h;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var signin = document.getElementById("passkey-signin");
    if (signin && window.setupLogin) window.setupLogin(headers(signin), "", signin);
    var register = document.getElementById("passkey-register");
    if (register && window.setupRegistration) {
      var error = document.getElementById("passkey-error");
      window.setupRegistration(headers(register), "", {
        getRegisterButton: function () { return register; },
        getLabelInput: function () { return document.getElementById("passkey-label"); },
        getSuccess: function () { return null; },
        getError: function () { return error; },
        getDeleteForms: function () { return []; }
      });
    }
  });
})();
