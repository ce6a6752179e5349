;;; hrbox-test-mu4e.el --- Drive hrbox.el through mu4e in batch mode -*- lexical-binding: t -*-

;;; Commentary:

;; The end-to-end test runs
;;
;;   emacs --batch -Q -L FOLDER -L FOLDER/test -l hrbox-test-mu4e.el
;;
;; with a temporary $HOME, a Maildir that `mu init' and `mu index' put
;; into a mu database, and an hrbox store holding the sample people.
;; The driver starts mu4e with its real `mu server', opens the sick note
;; in mu4e's message view, and runs the hrbox commands there and in the
;; headers list.  It then exits Emacs with hrbox still running, so that
;; the test sees what hrbox.el's `kill-emacs-hook' function does.
;;
;; Environment: besides what hrbox-test-support.el reads,
;; HRBOX_TEST_MU_HOME (the mu database folder) and optionally
;; HRBOX_TEST_MU4E_LISP (the folder holding mu4e.el).

;;; Code:

(require 'hrbox-test-support)

(defconst hrbox-test-sick-note-id "sick-note-1187@example.net"
  "The Message-ID of the message from Jürgen Weißmüller.")

(defvar mu4e-mu-home)
(defvar mu4e-sent-folder)
(defvar mu4e-drafts-folder)
(defvar mu4e-trash-folder)
(defvar mu4e-update-interval)
(declare-function mu4e "mu4e" (&optional background))
(declare-function mu4e-server-properties "mu4e-server" ())
(declare-function mu4e-view-message-with-message-id "mu4e-view" (msgid))
(declare-function mu4e-headers-goto-message-id "mu4e-headers" (msgid))

(defun hrbox-test-start-mu4e ()
  "Load mu4e, start it with its `mu server' in the background and wait for it."
  (hrbox-test-add-package "HRBOX_TEST_MU4E_LISP" "/usr/share/emacs/site-lisp/elpa/mu4e-*"
                          "mu4e.el (mu4e)")
  (require 'mu4e)
  (setq mu4e-mu-home (getenv "HRBOX_TEST_MU_HOME"))
  (setq mu4e-sent-folder "/sent")
  (setq mu4e-drafts-folder "/drafts")
  (setq mu4e-trash-folder "/trash")
  (setq mu4e-update-interval nil)
  (mu4e t)
  (hrbox-test-wait-until "mu server to answer" #'mu4e-server-properties)
  (hrbox-test-print "MU4E %s" (plist-get (mu4e-server-properties) :version)))

(defun hrbox-test-view-buffer ()
  "Return mu4e's message view buffer once it shows a message, or nil."
  (let ((buffer (get-buffer mu4e-view-buffer-name)))
    (and buffer
         (with-current-buffer buffer
           (and (derived-mode-p 'mu4e-view-mode) (mu4e-message-at-point t)))
         buffer)))

(defun hrbox-test-message-view-steps ()
  "Open the sick note in mu4e's message view, look it up and store it."
  (mu4e-view-message-with-message-id hrbox-test-sick-note-id)
  (hrbox-test-wait-until "mu4e to show the message" #'hrbox-test-view-buffer)
  (with-current-buffer (hrbox-test-view-buffer)
    (hrbox-test-print "VIEW %s %s" major-mode (mu4e-message-field (mu4e-message-at-point) :path))
    (hrbox-test-run "lookup in the message view" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer)
    (hrbox-test-run "add-case" '(("Case type" . "Sick leave") ("Start date" . "2026-11-30"))
                    #'hrbox-add-case)
    (hrbox-test-run "store in the message view" nil #'hrbox-store)))

(defun hrbox-test-headers-steps ()
  "Store the sick note for other people from mu4e's headers list."
  (with-current-buffer mu4e-headers-buffer-name
    (mu4e-headers-goto-message-id hrbox-test-sick-note-id)
    (hrbox-test-print "HEADERS %s" major-mode)
    (hrbox-test-run "store-other under a case"
                    '(("Search person" . "Weißmüller")
                      ("File for" . "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)"))
                    #'hrbox-store-other)
    (hrbox-test-run "store-other for a second person" '(("Search person" . "novak"))
                    #'hrbox-store-other)
    (hrbox-test-expect-user-error "store-other without a match" '(("Search person" . "nobody-here"))
                                  #'hrbox-store-other)))

(defun hrbox-test-main ()
  "Run every step and quit Emacs, exiting with status 1 on an unexpected error."
  (condition-case failure
      (progn
        (hrbox-test-configure-server)
        (hrbox-test-start-mu4e)
        (hrbox-test-message-view-steps)
        (hrbox-test-headers-steps))
    (error (hrbox-test-fail "%s" (error-message-string failure))))
  (hrbox-test-quit-emacs))

(hrbox-test-main)

;;; hrbox-test-mu4e.el ends here
