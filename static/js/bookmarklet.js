// The "Save to Rebound" bookmarklet. This file is never loaded by Rebound's pages: the
// applications page turns it into a javascript: link, with REBOUND_NEW_APPLICATION_URL
// replaced by this server's "add an application" address. Run on a job posting, it reads
// the page's schema.org JobPosting (JSON-LD), or else its title and address, and opens
// Rebound's form with those filled in, in a new tab. Nothing is sent anywhere else and
// nothing is saved until the person presses the form's button.
// Keep comments on lines of their own: the link is made by dropping them.
(function () {
  "use strict";
  var target = "REBOUND_NEW_APPLICATION_URL";

  function text(value) {
    if (value === null || value === undefined) {
      return "";
    }
    if (typeof value === "object") {
      return text(value.name || value["@value"] || "");
    }
    return String(value).replace(/\s+/g, " ").trim();
  }

  function typesOf(item) {
    var type = item && item["@type"];
    return Array.isArray(type) ? type : [type];
  }

  function findPosting(data) {
    if (!data || typeof data !== "object") {
      return null;
    }
    if (Array.isArray(data)) {
      for (var i = 0; i < data.length; i++) {
        var found = findPosting(data[i]);
        if (found) {
          return found;
        }
      }
      return null;
    }
    if (typesOf(data).indexOf("JobPosting") !== -1) {
      return data;
    }
    return findPosting(data["@graph"]);
  }

  function postingOnPage() {
    var blocks = document.querySelectorAll('script[type="application/ld+json"]');
    for (var i = 0; i < blocks.length; i++) {
      try {
        var found = findPosting(JSON.parse(blocks[i].textContent));
        if (found) {
          return found;
        }
      } catch (error) {
        // A broken block elsewhere on the page: look at the next one.
      }
    }
    return null;
  }

  function place(location) {
    var first = Array.isArray(location) ? location[0] : location;
    if (!first) {
      return "";
    }
    var address = first.address || first;
    if (typeof address === "string") {
      return text(address);
    }
    var parts = [address.addressLocality, address.addressRegion, address.addressCountry]
      .map(text)
      .filter(function (part) { return part; });
    return parts.length ? parts.join(", ") : text(first.name);
  }

  function isRemote(posting) {
    var kinds = [].concat(posting.jobLocationType || []).map(text);
    return kinds.indexOf("TELECOMMUTE") !== -1;
  }

  function whole(number) {
    var value = Math.round(Number(number));
    return isFinite(value) && value > 0 ? String(value) : "";
  }

  function salary(posting, fields) {
    var pay = posting.baseSalary;
    if (!pay || typeof pay !== "object") {
      return;
    }
    var amount = pay.value;
    var unit = text(amount && amount.unitText).toUpperCase();
    var low = amount && typeof amount === "object" ? amount.minValue || amount.value : amount;
    var high = amount && typeof amount === "object" ? amount.maxValue || amount.value : amount;
    if (unit && unit !== "YEAR") {
      var range = whole(low) === whole(high) ? whole(low) : whole(low) + "–" + whole(high);
      fields.notes = "Pay: " + range + " " + text(pay.currency) + " per " + unit.toLowerCase();
      return;
    }
    fields.salary_min = whole(low);
    fields.salary_max = whole(high);
    fields.salary_currency = text(pay.currency).slice(0, 3).toUpperCase();
  }

  function webAddress(value) {
    var address = text(value);
    return /^https?:\/\//i.test(address) ? address : "";
  }

  var fields = { status: "wishlist", posting_url: webAddress(window.location.href) };
  var posting = postingOnPage();
  if (posting) {
    fields.role_title = text(posting.title);
    fields.company_name = text(posting.hiringOrganization);
    fields.location = place(posting.jobLocation);
    if (isRemote(posting)) {
      fields.work_mode = "remote";
      fields.location = fields.location || text(posting.applicantLocationRequirements);
    }
    fields.posting_url = webAddress(posting.url) || fields.posting_url;
    salary(posting, fields);
  } else {
    fields.role_title = text(document.title);
  }

  var query = [];
  Object.keys(fields).forEach(function (name) {
    if (fields[name]) {
      query.push(encodeURIComponent(name) + "=" + encodeURIComponent(fields[name].slice(0, 500)));
    }
  });
  var address = target + "?" + query.join("&");
  if (!window.open(address, "_blank")) {
    window.location.href = address;
  }
})();
