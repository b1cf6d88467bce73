/*
 * The part of jQuery UI's tabs widget that modeltranslation's tabbed admin uses:
 * $(el).tabs({active: n}), $(el).tabs("option", "active", n) and the "tabsactivate"
 * event. modeltranslation loads jQuery UI from a CDN; the admin must work without one,
 * so this small implementation is served from our own static files instead.
 *
 * It also opens the first language whose panel holds a validation error and marks its
 * tab: Django 6 puts the "errors" class on an inner element, where modeltranslation's
 * script no longer finds it.
 */
(function ($) {
  "use strict";
  if ($.fn.tabs) {
    return;
  }

  function parts($container) {
    var $tabs = $container.children("ul").first().children("li");
    var panels = $tabs.map(function () {
      var href = $(this).children("a").attr("href") || "";
      return document.getElementById(href.replace(/^#/, ""));
    });
    return { $tabs: $tabs, $panels: $(panels.get()) };
  }

  function activate($container, index, notify) {
    var p = parts($container);
    if (!p.$tabs.length) {
      return;
    }
    index = Math.max(0, Math.min(index || 0, p.$tabs.length - 1));
    var previous = $container.data("mtActive");
    p.$tabs.removeClass("ui-tabs-active ui-state-active").attr("aria-selected", "false");
    p.$panels.addClass("ui-tabs-hide").attr("aria-hidden", "true");
    var $tab = p.$tabs.eq(index).addClass("ui-tabs-active ui-state-active");
    $tab.attr("aria-selected", "true");
    p.$panels.eq(index).removeClass("ui-tabs-hide").attr("aria-hidden", "false");
    $container.data("mtActive", index);
    if (notify && previous !== index) {
      $container.trigger("tabsactivate", [{
        newTab: $tab,
        oldTab: p.$tabs.eq(previous || 0),
        newPanel: p.$panels.eq(index),
        oldPanel: p.$panels.eq(previous || 0)
      }]);
    }
  }

  $.fn.tabs = function (options, name, value) {
    if (options === "option") {
      return this.each(function () {
        if (name === "active") {
          activate($(this), value, true);
        }
      });
    }
    options = options || {};
    return this.each(function () {
      var $container = $(this).addClass("ui-tabs ui-widget");
      var $nav = $container.children("ul").first();
      var p = parts($container);
      var active = options.active || 0;
      var firstError = -1;
      $nav.addClass("ui-tabs-nav ui-helper-reset ui-helper-clearfix").attr("role", "tablist");
      p.$tabs.addClass("ui-state-default").attr("role", "tab");
      p.$panels.addClass("ui-tabs-panel").attr("role", "tabpanel");
      p.$panels.each(function (index) {
        if ($(this).find(".errorlist").length) {
          p.$tabs.eq(index).addClass("ui-tab-has-errors");
          if (firstError < 0) {
            firstError = index;
          }
        }
      });
      $nav.on("click", "a", function (event) {
        event.preventDefault();
        activate($container, $(this).parent().index(), true);
      });
      activate($container, firstError >= 0 ? firstError : active, false);
    });
  };
})(window.django && django.jQuery ? django.jQuery : window.jQuery);
