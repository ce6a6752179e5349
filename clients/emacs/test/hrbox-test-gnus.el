;;; hrbox-test-gnus.el --- Drive hrbox.el through Gnus in batch mode -*- lexical-binding: t -*-

;;; Commentary:

;; The end-to-end test runs
;;
;;   emacs --batch -Q -L FOLDER -L FOLDER/test -l hrbox-test-gnus.el
;;
;; with a temporary $HOME, a folder of Maildirs that Gnus reads through
;; its nnmaildir back end, and an hrbox store holding the sample people.
;; The driver opens the group INBOX in Gnus, selects two articles, one
;; with LF and one with CRLF line ends, and stores them from the summary
;; and the article buffer.  It then exits Emacs with hrbox still
;; running, so that the test sees what hrbox.el's `kill-emacs-hook'
;; function does.
;;
;; Environment: besides what hrbox-test-support.el reads,
;; HRBOX_TEST_GNUS_MAIL, the folder holding the Maildir INBOX.

;;; Code:

(require 'hrbox-test-support)
(require 'gnus)
(require 'gnus-sum)

(defun hrbox-test-start-gnus ()
  "Start Gnus on the test's nnmaildir folder and open the group INBOX."
  (let ((mail (or (getenv "HRBOX_TEST_GNUS_MAIL")
                  (hrbox-test-fail "HRBOX_TEST_GNUS_MAIL is not set"))))
    (setq gnus-select-method `(nnmaildir "hrbox-test" (directory ,mail)))
    (setq gnus-read-newsrc-file nil)
    (setq gnus-save-newsrc-file nil)
    (setq gnus-use-dribble-file nil)
    (setq gnus-check-new-newsgroups nil)
    (setq gnus-interactive-exit nil))
  (gnus)
  ;; Show every article, read or not, and select none yet.
  (gnus-group-read-group t t "INBOX")
  (unless (derived-mode-p 'gnus-summary-mode)
    (hrbox-test-fail "Gnus did not open the summary of INBOX"))
  (hrbox-test-print "GNUS %s" gnus-version))

(defun hrbox-test-select (message-id)
  "Select the article MESSAGE-ID in the summary buffer and return the summary buffer."
  (with-current-buffer gnus-summary-buffer
    (unless (gnus-summary-goto-article message-id)
      (hrbox-test-fail "Gnus did not select %s" message-id))
    (hrbox-test-print "SELECTED %s as article %s" message-id (cdr gnus-article-current)))
  gnus-summary-buffer)

(defun hrbox-test-gnus-steps ()
  "Store the sick note from the summary and the article buffer, then the invitation."
  (with-current-buffer (hrbox-test-select "<sick-note-1187@example.net>")
    (hrbox-test-run "lookup in the summary" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer)
    (hrbox-test-run "store in the summary" nil #'hrbox-store))
  (with-current-buffer gnus-article-buffer
    (hrbox-test-print "ARTICLE %s" major-mode)
    (hrbox-test-run "store in the article buffer" nil #'hrbox-store)
    (hrbox-test-run "store-other in the article buffer" '(("Search person" . "NW-1042"))
                    #'hrbox-store-other))
  (with-current-buffer (hrbox-test-select "<invite-7@northwind.example>")
    (hrbox-test-run "store the CRLF article" nil #'hrbox-store)))

(defun hrbox-test-main ()
  "Run every step and quit Emacs, exiting with status 1 on an unexpected error."
  (condition-case failure
      (progn
        (hrbox-test-configure-server)
        (hrbox-test-start-gnus)
        (hrbox-test-gnus-steps))
    (error (hrbox-test-fail "%s" (error-message-string failure))))
  (hrbox-test-quit-emacs))

(hrbox-test-main)

;;; hrbox-test-gnus.el ends here
