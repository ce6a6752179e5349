;;; hrbox-test-support.el --- Helpers for the batch-mode drivers of hrbox.el -*- lexical-binding: t -*-

;;; Commentary:

;; The drivers hrbox-test-notmuch.el, hrbox-test-mu4e.el and
;; hrbox-test-gnus.el load this file.  It answers the prompts of the
;; hrbox commands from a list given for each step, prints one line per
;; step on stdout for the end-to-end test to check, and exits with
;; status 1 on the first unexpected outcome.
;;
;; Environment: HRBOX_TEST_PROGRAM (the hrbox executable), and
;; HRBOX_TEST_STORE and HRBOX_TEST_CONFIG (passed as --store and --config).

;;; Code:

(require 'cl-lib)
(require 'hrbox)

(defun hrbox-test-print (format-string &rest arguments)
  "Print FORMAT-STRING with ARGUMENTS as one line on stdout."
  (princ (concat (apply #'format format-string arguments) "\n")))

(defun hrbox-test-fail (format-string &rest arguments)
  "Print FORMAT-STRING with ARGUMENTS as a failure and exit with status 1."
  (hrbox-test-print "FAILED: %s" (apply #'format format-string arguments))
  (kill-emacs 1))

;;;; Answers to prompts

(defvar hrbox-test-answers nil
  "The answers still to give, as (PROMPT-REGEXP . ANSWER) in the order asked.
An ANSWER of nil accepts the prompt's default.")

(defun hrbox-test-next-answer (prompt)
  "Return the answer for PROMPT, failing when it is not the prompt expected."
  (let ((expected (pop hrbox-test-answers)))
    (unless (and expected (string-match-p (car expected) prompt))
      (hrbox-test-fail "asked \"%s\", expected %S" prompt (car expected)))
    (cdr expected)))

(defun hrbox-test-completing-read (prompt collection &optional _predicate require-match
                                          _initial _history default &rest _)
  "Answer PROMPT from `hrbox-test-answers', checking it against COLLECTION.
With REQUIRE-MATCH, the answer must be one of the candidates.  An answer
of nil returns DEFAULT."
  (let ((candidates (all-completions "" collection))
        (answer (hrbox-test-next-answer prompt)))
    (hrbox-test-print "PROMPT %s| %s" prompt (string-join candidates " | "))
    (let ((chosen (or answer (if (consp default) (car default) default) "")))
      (when (and require-match (not (string-empty-p chosen)) (not (member chosen candidates)))
        (hrbox-test-fail "answer %S is not among the candidates of \"%s\"" chosen prompt))
      (hrbox-test-print "ANSWER %s" chosen)
      chosen)))

(defun hrbox-test-completing-read-multiple (prompt collection &rest _)
  "Answer PROMPT with a list of candidates of COLLECTION."
  (let ((candidates (all-completions "" collection))
        (answer (hrbox-test-next-answer prompt)))
    (hrbox-test-print "PROMPT %s| %s" prompt (string-join candidates " | "))
    (dolist (chosen answer)
      (unless (member chosen candidates)
        (hrbox-test-fail "answer %S is not among the candidates of \"%s\"" chosen prompt)))
    (hrbox-test-print "ANSWER %s" (string-join answer ", "))
    answer))

(defun hrbox-test-read-string (prompt &optional _initial _history default &rest _)
  "Answer PROMPT from `hrbox-test-answers'; an answer of nil returns DEFAULT."
  (let ((answer (or (hrbox-test-next-answer prompt)
                    (if (consp default) (car default) default)
                    "")))
    (hrbox-test-print "PROMPT %s" prompt)
    (hrbox-test-print "ANSWER %s" answer)
    answer))

(defvar hrbox-test-last-message nil
  "The last text shown in the echo area, which batch mode writes to stderr only.")

(defun hrbox-test-record-message (text)
  "Record TEXT, the value of `message', in `hrbox-test-last-message'."
  (setq hrbox-test-last-message text))

(advice-add 'message :filter-return #'hrbox-test-record-message)

(defun hrbox-test-run (name answers command)
  "Run COMMAND for step NAME, answering its prompts with ANSWERS.
Print the step's echo-area message and return COMMAND's value."
  (setq hrbox-test-answers answers)
  (setq hrbox-test-last-message nil)
  (hrbox-test-print "STEP %s" name)
  (let ((value (cl-letf (((symbol-function 'completing-read) #'hrbox-test-completing-read)
                         ((symbol-function 'completing-read-multiple)
                          #'hrbox-test-completing-read-multiple)
                         ((symbol-function 'read-string) #'hrbox-test-read-string))
                 (funcall command))))
    (when hrbox-test-answers
      (hrbox-test-fail "%s did not ask %S" name (mapcar #'car hrbox-test-answers)))
    (when hrbox-test-last-message
      (hrbox-test-print "MESSAGE %s" hrbox-test-last-message))
    value))

(defun hrbox-test-expect-user-error (name answers command)
  "Run COMMAND for step NAME with ANSWERS and print the `user-error' it must signal."
  (condition-case failure
      (progn
        (hrbox-test-run name answers command)
        (hrbox-test-fail "%s succeeded, but it should have failed" name))
    (user-error
     (hrbox-test-print "USER-ERROR %s" (error-message-string failure)))))

(defun hrbox-test-print-lookup-buffer (&optional label)
  "Print the buffer `hrbox-lookup' filled, after a line naming LABEL."
  (hrbox-test-print "LOOKUP-BEGIN %s" (or label ""))
  (princ (with-current-buffer "*hrbox*" (buffer-substring-no-properties (point-min) (point-max))))
  (hrbox-test-print "LOOKUP-END"))

;;;; Set-up and exit

(defun hrbox-test-configure-server ()
  "Point hrbox.el at the executable, the store and the configuration of the test."
  (setq hrbox-program (or (getenv "HRBOX_TEST_PROGRAM") "hrbox"))
  (setq hrbox-arguments (list "--store" (getenv "HRBOX_TEST_STORE")
                              "--config" (getenv "HRBOX_TEST_CONFIG"))))

(defun hrbox-test-add-package (variable pattern description)
  "Add the folder of a Debian Emacs package to `load-path'.
The folder is the value of the environment VARIABLE, or else the first
match of the wildcard PATTERN.  DESCRIPTION names the package in the
failure when neither exists."
  (let ((folder (or (getenv variable) (car (file-expand-wildcards pattern)))))
    (unless folder
      (hrbox-test-fail "%s not found; install it or set %s" description variable))
    (add-to-list 'load-path folder)))

(defun hrbox-test-wait-until (description condition &optional seconds)
  "Process output until CONDITION returns non-nil, for at most SECONDS (20).
Fail with DESCRIPTION when the time runs out."
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (and (not (funcall condition)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall condition)
      (hrbox-test-fail "timed out waiting for %s" description))))

(defun hrbox-test-quit-emacs ()
  "Exit Emacs while hrbox is running, and print how hrbox ended.
The line comes from a `kill-emacs-hook' function that runs after the one
hrbox.el added, so it shows what that one did to the server."
  (let ((process hrbox--process))
    (unless (process-live-p process)
      (hrbox-test-fail "no hrbox process is running before Emacs exits"))
    (add-hook 'kill-emacs-hook
              (lambda ()
                (hrbox-test-print "EXIT-HOOK %s %d" (process-status process)
                                  (process-exit-status process)))
              90)
    (hrbox-test-print "QUIT")
    (kill-emacs 0)))

(provide 'hrbox-test-support)

;;; hrbox-test-support.el ends here
